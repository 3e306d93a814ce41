import { createRandom } from '@dendrite/backend';

/** 0…n−1 in a seeded random order (Fisher–Yates); the global stream of setSeed without a seed. */
export function shuffledIndices(n: number, seed?: number): Int32Array {
  const draw = createRandom(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
