/**
 * A test helper: checks a registered gradient against central finite differences of the forward
 * pass on the current backend. The function is reduced to `Σ f(x) · w` with fixed pseudo-random
 * weights `w`, so every output element weighs differently and a misplaced gradient shows.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Options of {@link expectGradientMatchesDifferences}. */
export interface FiniteDifferenceOptions {
  /** The step (1e-2: exact for the piecewise-linear kernels, whose kinks the inputs avoid). */
  epsilon?: number;
  /** The largest absolute difference accepted (1e-3). */
  tolerance?: number;
}

function weightsFor(size: number): Float32Array {
  return Float32Array.from({ length: size }, (_, index) => ((index * 7919) % 13) / 13 - 0.4);
}

/**
 * Throws when `tf.grad` of `Σ f(x) · w` differs from its central differences at `x`.
 *
 * @param f the function under test; its output must be float32
 * @param values the point, with `shape`
 * @param shape the shape of `x`
 * @param options step and tolerance
 * @returns the analytic gradient, for further checks
 * @example
 * ```ts
 * expectGradientMatchesDifferences((x) => tf.stridedSlice(x, [0], [4], [2]), [1, 2, 3, 4], [4]);
 * ```
 */
export function expectGradientMatchesDifferences(
  f: (x: tf.Tensor) => tf.Tensor,
  values: ArrayLike<number>,
  shape: number[],
  options: FiniteDifferenceOptions = {},
): Float32Array {
  const epsilon = options.epsilon ?? 1e-2;
  const tolerance = options.tolerance ?? 1e-3;
  const reduced = (x: tf.Tensor) => {
    const y = f(x);
    return tf.sum(tf.mul(y, tf.tensor(weightsFor(y.size), y.shape)));
  };
  const analytic = tf.tidy(() => tf.grad(reduced)(tf.tensor(values, shape)).dataSync() as Float32Array);
  const point = Float64Array.from(values);
  for (let index = 0; index < point.length; index++) {
    const at = (delta: number) => {
      const moved = Float32Array.from(point);
      moved[index] += delta;
      return tf.tidy(() => reduced(tf.tensor(moved, shape)).dataSync()[0]);
    };
    const numeric = (at(epsilon) - at(-epsilon)) / (2 * epsilon);
    if (!(Math.abs(numeric - analytic[index]) <= tolerance * Math.max(1, Math.abs(numeric)))) {
      throw new Error(`Expected the gradient at element ${index} to be ${numeric} (finite differences), received ${analytic[index]}`);
    }
  }
  return analytic;
}
