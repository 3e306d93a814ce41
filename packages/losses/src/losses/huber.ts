import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, POSITIVE } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { checkFunctionOptions } from '../utils/function-options';
import { type LossArgs, Loss } from './loss';

/** Options of {@link huber}. */
export interface HuberOptions {
  /** Where the loss turns from quadratic to linear; 1 by default, must be > 0. */
  delta?: number;
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys
const HUBER_OPTION_KEYS = optionKeys<HuberOptions>({ delta: true });

/**
 * Huber loss over the last axis, Keras's `huber`: `½e²` where `|e| ≤ δ`, `δ|e| − ½δ²` beyond,
 * with `e = ŷ − y` — quadratic near zero like MSE, linear for outliers like MAE.
 *
 * @param yTrue targets
 * @param yPred predictions of the same shape (axes of size 1 broadcast)
 * @param options `delta` (1)
 * @returns one value per sample
 * @throws Error when the shapes are not compatible or `delta` is not > 0
 * @example
 * ```ts
 * huber(tf.tensor2d([[0, 0]]), tf.tensor2d([[0.5, 3]])); // [(0.125 + 2.5) / 2]
 * ```
 */
export const huber = withKerasName(function huber(yTrue: tf.Tensor, yPred: tf.Tensor, options: HuberOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, HUBER_OPTION_KEYS, 'huber', 'Huber');
  const delta = checkNumber(options.delta ?? 1, 'delta', 'loss "huber"', POSITIVE);
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "huber"');
    const error = tf.sub(p, t);
    const absolute = tf.abs(error);
    const quadratic = tf.mul(0.5, tf.square(error));
    const linear = tf.sub(tf.mul(delta, absolute), 0.5 * delta * delta);
    return tf.mean(tf.where(tf.lessEqual(absolute, delta), quadratic, linear), -1);
  });
}, 'huber');

/**
 * The Huber loss as a loss object (Keras `Huber`, name `huber_loss`).
 *
 * @example
 * ```ts
 * new Huber({ delta: 2 }).apply(yTrue, yPred);
 * ```
 */
export class Huber extends Loss {
  static override className = 'Huber';
  static override readonly optionKeys = HUBER_OPTION_KEYS;
  readonly delta: number;

  /**
   * @param args `delta` (1), `reduction` and `name`
   * @throws Error when `delta` is not > 0
   */
  constructor(args: LossArgs & HuberOptions = {}) {
    super(args, 'huber_loss');
    this.delta = checkNumber(args.delta ?? 1, 'delta', this.owner, POSITIVE);
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return huber(yTrue, yPred, { delta: this.delta });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), delta: this.delta };
  }
}
