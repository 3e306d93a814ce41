import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed } from '@dendrite/backend';
import { RandomSearchOracle } from './random-search-oracle';

afterEach(() => clearSeed());

it('draws its default seed from Dendrite’s stream: setSeed repeats a search given no seed, as keras.utils.set_random_seed does KerasTuner’s', () => {
  const defaultSeed = () => new RandomSearchOracle({ objective: 'loss', maxTrials: 2 }).getState().seed;
  setSeed(5);
  const first = [defaultSeed(), defaultSeed()];
  setSeed(5);
  expect([defaultSeed(), defaultSeed()]).toEqual(first);
  expect(first[1]).not.toBe(first[0]); // each oracle takes the next draw (equal with probability 1e-4: not for seed 5)
  for (const seed of first) {
    expect(Number.isInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(1);
    expect(seed).toBeLessThanOrEqual(10000);
  }
  // A seed given is kept.
  expect(new RandomSearchOracle({ objective: 'loss', seed: 77 }).getState().seed).toBe(77);
});
