import { expect, it } from 'vitest';
import { selectBackend, setSeed, clearSeed } from '@dendrite/backend';
import { EXPERIMENTS } from './index';

it.each([...EXPERIMENTS.keys()])('%s runs one epoch on a small slice', async (name) => {
  const backend = await selectBackend({ prefer: 'wasm' });
  setSeed(1);
  const result = await EXPERIMENTS.get(name)!.run({ epochs: 1, verbose: 0, limit: 2000, searchDirs: [], backend });
  clearSeed();
  expect(Object.values(result.test).every(Number.isFinite)).toBe(true);
  expect(result.history.loss).toHaveLength(1);
});
