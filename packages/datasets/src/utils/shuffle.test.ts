import { afterEach, expect, it } from 'vitest';
import { clearSeed, random, setSeed } from '@dendrite/backend';
import { shuffledIndices } from './shuffle';

it('returns a permutation of 0…n−1, the same for one seed', () => {
  for (const n of [1, 2, 7, 50]) {
    const order = shuffledIndices(n, 3);
    expect([...order].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
    expect(Array.from(shuffledIndices(n, 3))).toEqual(Array.from(order));
  }
});

it('puts each index in each place with probability 1/n (Fisher–Yates is uniform)', () => {
  // 3 000 shuffles of 4 by seeds 0…2999: each of the 16 (index, place) counts is Binomial(3000, ¼),
  // standard deviation ≈ 23.7; 5 of them bound a uniform shuffle's counts (and miss a biased one's).
  const n = 4;
  const runs = 3000;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let seed = 0; seed < runs; seed++) shuffledIndices(n, seed).forEach((index, place) => counts[index][place]++);
  for (const row of counts) for (const count of row) expect(Math.abs(count - runs / n), `counts ${JSON.stringify(counts)}`).toBeLessThan(5 * 23.7);
});

afterEach(() => clearSeed());

it('takes n − 1 draws from the global stream without a seed, as Fisher–Yates does, leaving the rest for what follows', () => {
  setSeed(5);
  const order = shuffledIndices(6);
  const next = random();
  setSeed(5);
  const draws = Array.from({ length: 5 }, () => random());
  expect(next).toBe(random());
  // The same draws, by hand: place i takes floor(u · (i + 1)) for i = 5 … 1.
  const expected = [0, 1, 2, 3, 4, 5];
  for (let i = 5; i > 0; i--) {
    const j = Math.floor(draws[5 - i] * (i + 1));
    [expected[i], expected[j]] = [expected[j], expected[i]];
  }
  expect(Array.from(order)).toEqual(expected);
});
