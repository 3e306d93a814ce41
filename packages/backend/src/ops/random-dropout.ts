import * as tf from '@tensorflow/tfjs-core';
import { fillDropoutMask } from '../kernels/shared/dropout-mask';
import { random } from '../seed/seed';
import { argumentError } from '../internal/errors/argument-checks';

/** The name of Dendrite's dropout mask kernel (registered on wasm; drawn in JavaScript elsewhere). */
export const DROPOUT_MASK = 'DendriteDropoutMask';

/**
 * The name of Dendrite's dropout kernel (registered on wasm): input `x` (float32), attributes
 * `rate` and `seed`; `x` times the mask {@link DROPOUT_MASK} draws for `x`'s shape.
 */
export const DROPOUT = 'DendriteDropout';

// The mask is a function of the seed: the gradient draws it again on dy (one kernel, nothing saved).
tf.registerGradient({
  kernelName: DROPOUT,
  gradFunc: (dy, _saved, attrs) => ({ x: () => tf.engine().runKernel(DROPOUT, { x: dy as tf.Tensor }, attrs) as tf.Tensor }),
});

/**
 * Keras's `random.dropout`: zeroes each element with probability `rate` and scales the others by
 * `1 / (1 − rate)`. Same contract as `tf.dropout`, but the mask is one kernel (xorshift32 lanes,
 * see {@link fillDropoutMask}; SIMD on wasm, where it is written in place) and the op one
 * multiply (on wasm, with the mask of `x`'s shape, one `DendriteDropout` kernel, whose gradient draws the
 * mask again): `tf.dropout` draws through seedrandom's Alea in JavaScript and runs four more kernels
 * to shape the mask. A seed gives other masks than `tf.dropout`'s, the same on every backend.
 *
 * @param x the input
 * @param rate the fraction to drop, in [0, 1)
 * @param noiseShape the mask's shape, broadcast over `x` (`x`'s shape by default)
 * @param seed an integer seed; undefined draws one from `Math.random`
 * @returns `x` times the mask (`x` itself when `rate` is 0)
 * @throws Error for a rate outside [0, 1)
 * @example
 * ```ts
 * const dropped = randomDropout(x, 0.3, undefined, 42);
 * ```
 */
export function randomDropout(x: tf.Tensor, rate: number, noiseShape?: number[], seed?: number): tf.Tensor {
  if (!(rate >= 0 && rate < 1)) throw argumentError(rate, 'number', `Expected rate to be in [0, 1) in randomDropout, received ${rate}`);
  if (rate === 0) return x;
  const shape = noiseShape ?? x.shape;
  // Without a seed, a draw from Dendrite's stream, so that setSeed repeats the mask.
  const maskSeed = (seed ?? Math.floor(random() * 0x7fffffff)) | 0;
  const backend = tf.getBackend();
  // x times its own mask: one kernel forward and one backward where the backend has it.
  if (x.dtype === 'float32' && tf.util.arraysEqual(shape, x.shape) && tf.getKernel(DROPOUT, backend) != null) {
    return tf.engine().runKernel(DROPOUT, { x }, { rate, seed: maskSeed }) as tf.Tensor;
  }
  let mask: tf.Tensor;
  if (tf.getKernel(DROPOUT_MASK, backend) != null) {
    mask = tf.engine().runKernel(DROPOUT_MASK, {}, { shape, rate, seed: maskSeed }) as tf.Tensor;
  } else {
    const values = new Float32Array(tf.util.sizeFromShape(shape));
    fillDropoutMask(values, maskSeed, rate);
    mask = tf.tensor(values, shape, 'float32');
  }
  const result = tf.mul(x, mask);
  mask.dispose();
  return result;
}
