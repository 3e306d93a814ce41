import { expect, it } from 'vitest';
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
