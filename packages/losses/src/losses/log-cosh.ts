import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Log-cosh over the last axis, Keras's `log_cosh`: `mean(log(cosh(ŷ − y)))`, computed as
 * `x + softplus(−2x) − log 2` so large errors do not overflow `cosh`.
 *
 * @param yTrue targets
 * @param yPred predictions of the same shape (axes of size 1 broadcast)
 * @returns one value per sample
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * logCosh(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 1]])); // [log(cosh(1)) / 2] ≈ [0.217]
 * ```
 */
export const logCosh = withKerasName(function logCosh(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "log_cosh"');
    const error = tf.sub(p, t);
    return tf.mean(tf.sub(tf.add(error, tf.softplus(tf.mul(-2, error))), Math.LN2), -1);
  });
}, 'log_cosh');

/**
 * Log-cosh as a loss object (Keras `LogCosh`).
 *
 * @example
 * ```ts
 * new LogCosh().apply(yTrue, yPred);
 * ```
 */
export class LogCosh extends LossFunctionWrapper {
  static override className = 'LogCosh';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(logCosh, args, 'log_cosh');
  }
}
