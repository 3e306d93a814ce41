import { expect } from 'vitest';
import { tf } from '../index';

/**
 * Runs `body` and fails when it leaves more (or fewer) tensors alive than before.
 *
 * @param body the code under test (may be async)
 * @returns what `body` returned
 * @example
 * ```ts
 * await expectNoLeakedTensors(() => model.fit(x, y, { epochs: 1 }));
 * ```
 */
export async function expectNoLeakedTensors<T>(body: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await body();
  expect(tf.memory().numTensors, 'tensors alive after the call').toBe(before);
  return result;
}

/**
 * The values of `compute()` (run in `tf.tidy`), read back, with the check that nothing else is left
 * alive: the result tensor is disposed, and {@link expectNoLeakedTensors} holds.
 *
 * @example
 * ```ts
 * expectArraysClose(await valuesWithoutLeak(() => tf.matMul(a, b)), expected);
 * ```
 */
export async function valuesWithoutLeak(compute: () => tf.Tensor): Promise<Float32Array | Int32Array | Uint8Array> {
  return expectNoLeakedTensors(() => {
    const result = tf.tidy(compute);
    const values = result.dataSync().slice();
    tf.dispose(result);
    return values as Float32Array | Int32Array | Uint8Array;
  });
}

/**
 * The largest |a − b| / max(|b|, 1) over two arrays: relative for large values, absolute near 0.
 *
 * @returns the error, or `Infinity` when one entry is NaN
 * @example
 * ```ts
 * maxRelativeError([1, 200], [1, 201]); // 1/201
 * ```
 */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1);
    if (Number.isNaN(error)) return Number.POSITIVE_INFINITY;
    worst = Math.max(worst, error);
  }
  return worst;
}

/**
 * Fails unless both arrays (or tensors) have one length and agree to `tolerance`
 * (see {@link maxRelativeError}).
 *
 * @example
 * ```ts
 * expectArraysClose(layer.apply(x) as tf.Tensor, [0.5, 0.25], 1e-5);
 * ```
 */
export function expectArraysClose(
  actual: ArrayLike<number> | tf.Tensor,
  expected: ArrayLike<number> | tf.Tensor,
  tolerance = 1e-4,
): void {
  const a = actual instanceof tf.Tensor ? (actual.dataSync() as ArrayLike<number>) : actual;
  const e = expected instanceof tf.Tensor ? (expected.dataSync() as ArrayLike<number>) : expected;
  expect(a.length, 'length').toBe(e.length);
  expect(maxRelativeError(a, e), 'largest relative error').toBeLessThanOrEqual(tolerance);
}
