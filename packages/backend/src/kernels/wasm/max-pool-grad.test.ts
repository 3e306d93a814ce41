import { describe, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, seededArray } from '@dendrite/test-utils';

function randomCases(count: number) {
  const draw = createRandom(11);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const size = pick(1, 3);
    return { shape: [pick(1, 3), pick(size, 9), pick(size, 9), pick(1, 3)], size, stride: pick(1, 3), pad: i % 2 === 0 ? 'valid' : 'same' } as const;
  });
}

describe('wasm MaxPoolGrad', () => {
  it.each([{ shape: [2, 6, 6, 2], size: 2, stride: 2, pad: 'valid' } as const, ...randomCases(20)])(
    'routes each window’s gradient to its maximum as the cpu backend does: %j',
    async ({ shape, size, stride, pad }) => {
      const x = seededArray(tf.util.sizeFromShape([...shape]), 12);
      const gradient = () => tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.maxPool(t as tf.Tensor4D, size, stride, pad))))(tf.tensor(x, [...shape]));
      const [expected] = await computeOn('cpu', gradient);
      const [actual] = await computeOn('wasm', gradient);
      expectArraysClose(actual, expected);
    },
  );
});
