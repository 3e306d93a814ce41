import { expect } from 'vitest';
import { tf } from '@dendrite/backend';

/** Runs `body` and fails when it leaves more (or fewer) tensors alive than before. */
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

/** The largest |a − b| / max(|b|, 1) over two arrays: relative for large values, absolute near 0. */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1);
    if (Number.isNaN(error)) return Number.POSITIVE_INFINITY;
    worst = Math.max(worst, error);
  }
  return worst;
}

/** Fails unless both arrays have one length and agree to `tolerance` (see {@link maxRelativeError}). */
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
