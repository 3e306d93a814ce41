import { tf } from '@dendrite/backend';
import type { Activation } from './activation';
import { checkNumber, atLeast } from '@dendrite/backend/internal';

/** Keras's options of {@link relu}; with none, `relu` is `max(x, 0)`. */
export interface ReluOptions {
  /** Slope below `threshold` (Keras `negative_slope`); 0 by default. */
  negativeSlope?: number;
  /** Largest output (Keras `max_value`); null or undefined for none. */
  maxValue?: number | null;
  /** Inputs at or below it give 0 (or the slope part) instead of `x` (Keras `threshold`); 0 by default. */
  threshold?: number;
}

/**
 * The rectified linear unit (Keras `relu`), with Keras's options: `x` above `threshold`, capped
 * at `maxValue`, and `negativeSlope · (x − threshold)` below it. Computed exactly as Keras 3's
 * `ReLU.static_call`, including its corner cases (a nonzero threshold keeps `x`, not
 * `x − threshold`, above it). The option-free form is fusable into Dense and Conv.
 *
 * @param x any float tensor
 * @param options Keras's `negative_slope`, `max_value` and `threshold`
 * @returns the rectified tensor
 * @throws Error when an option is not a finite number, or `negativeSlope` / `maxValue` is negative
 * @example
 * ```ts
 * relu(tf.tensor1d([-10, -5, 0, 5, 10]));                          // [0, 0, 0, 5, 10]
 * relu(tf.tensor1d([-10, -5, 0, 5, 10]), { negativeSlope: 0.5 });  // [-5, -2.5, 0, 5, 10]
 * relu(tf.tensor1d([-10, -5, 0, 5, 10]), { threshold: 5 });        // [0, 0, 0, 0, 10]
 * ```
 */
export function relu(x: tf.Tensor, options: ReluOptions = {}): tf.Tensor {
  return rectify(x, resolveOptions(options));
}

/**
 * {@link relu} with its options fixed, as one {@link Activation} (what the `ReLU` layer runs).
 *
 * @param options Keras's `negative_slope`, `max_value` and `threshold`
 * @returns `(x) => relu(x, options)`
 * @throws Error at once when an option is invalid
 * @example
 * ```ts
 * const capped = reluWith({ maxValue: 1 });
 * capped(tf.tensor1d([-1, 0.5, 3])); // [0, 0.5, 1]
 * ```
 */
export function reluWith(options: ReluOptions): Activation {
  const resolved = resolveOptions(options);
  return (x) => rectify(x, resolved);
}

interface ResolvedOptions {
  negativeSlope: number;
  maxValue: number | null;
  threshold: number;
}

function resolveOptions(options: ReluOptions): ResolvedOptions {
  return {
    negativeSlope: checkNumber(options.negativeSlope ?? 0, 'negativeSlope', 'activation relu', atLeast(0)),
    maxValue: options.maxValue == null ? null : checkNumber(options.maxValue, 'maxValue', 'activation relu', atLeast(0)),
    threshold: checkNumber(options.threshold ?? 0, 'threshold', 'activation relu'),
  };
}

function rectify(x: tf.Tensor, { negativeSlope, maxValue, threshold }: ResolvedOptions): tf.Tensor {
  if (negativeSlope === 0 && maxValue === null && threshold === 0) return tf.relu(x);
  if (negativeSlope !== 0 && maxValue === null && threshold === 0) return tf.leakyRelu(x, negativeSlope);
  return tf.tidy(() => {
    const negativePart = negativeSlope === 0 ? null : tf.relu(threshold === 0 ? tf.neg(x) : tf.sub(threshold, x));
    let clipMax = maxValue !== null;
    let y: tf.Tensor;
    if (threshold !== 0) {
      // step rather than greater: tfjs has no gradient for comparisons.
      y = tf.mul(x, tf.step(tf.sub(x, threshold)));
    } else if (maxValue === 6) {
      // Keras uses the native relu6 op here.
      y = tf.relu6(x);
      clipMax = false;
    } else {
      y = tf.relu(x);
    }
    if (clipMax) y = tf.clipByValue(y, 0, maxValue as number);
    return negativePart === null ? y : tf.sub(y, tf.mul(negativePart, negativeSlope));
  });
}
