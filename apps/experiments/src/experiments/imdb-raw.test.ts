import { join } from 'node:path';
import { expect, it } from 'vitest';
import { clearSeed, selectBackend, setSeed, tf } from '@dendrite/backend';
import { useTempDirs } from '@dendrite/test-utils';
import { imdbRaw } from './imdb-raw';
import { writeTinyAclImdb } from './imdb-raw-fixture';

const tempDir = useTempDirs('imdb-raw-');

it('trains seed 000 IMDB model from an aclImdb-shaped folder, without leaking tensors', async () => {
  const root = tempDir();
  writeTinyAclImdb(root);
  const backend = await selectBackend({ prefer: 'wasm' });
  setSeed(1);
  const before = tf.memory().numTensors;
  const result = await imdbRaw.run({ epochs: 2, verbose: 0, searchDirs: [join(root, 'missing'), root], backend });
  clearSeed();
  expect(tf.memory().numTensors).toBe(before);
  expect(result.history.loss).toHaveLength(2);
  expect(Number.isFinite(result.test.accuracy)).toBe(true);
  expect(result.test.accuracy).toBeGreaterThanOrEqual(0);
});

it('says where to put the aclImdb folder when it is missing', async () => {
  const root = tempDir();
  const backend = await selectBackend({ prefer: 'wasm' });
  await expect(imdbRaw.run({ epochs: 1, verbose: 0, searchDirs: [root], backend })).rejects.toThrow(new RegExp(`aclImdb_v1\\.tar\\.gz.*${join(root, 'aclImdb').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*put the aclImdb folder there`));
});
