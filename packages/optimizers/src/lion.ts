import { tf } from '@dendrite/backend';
import { optionKeys, CLOSED_FRACTION, type NumberRule, checkNumber } from '@dendrite/backend/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';

/** Arguments of {@link Lion}. */
export interface LionArgs extends OptimizerArgs {
  /** β₁: how the step's direction mixes the momentum and the gradient, in (0, 1]. Default 0.9. */
  beta1?: number;
  /** β₂: decay of the momentum, in [0, 1]. Default 0.99. */
  beta2?: number;
}

/** β₁ as Keras checks it: 0 would make Lion sign SGD. */
const LION_BETA_1: NumberRule = { test: (v) => v > 0 && v <= 1, expected: 'a number in (0, 1]' };

/**
 * Lion, as Keras 3's (learning rate 0.001, β₁ 0.9, β₂ 0.99):
 * `w ← w − η·sign(β₁·m + (1 − β₁)·g)`, then `m ← β₂·m + (1 − β₂)·g`. One slot, `momentum`.
 * Its steps have unit size per weight: learning rates 3–10× smaller than AdamW's suit it.
 *
 * @example
 * ```ts
 * new Lion({ learningRate: 1e-4, weightDecay: 0.01 });
 * ```
 */
export class Lion extends Optimizer {
  static override className = 'Lion';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<LionArgs, OptimizerArgs>({ beta1: true, beta2: true });
  readonly beta1: number;
  readonly beta2: number;

  /** @throws Error naming an argument out of range (β₁ of 0…) */
  constructor(args: LionArgs = {}) {
    super(args, { learningRate: 0.001, name: 'lion' });
    this.beta1 = checkNumber(args.beta1 ?? 0.9, 'beta1', this.owner, LION_BETA_1);
    this.beta2 = checkNumber(args.beta2 ?? 0.99, 'beta2', this.owner, CLOSED_FRACTION);
  }

  slotNames(): string[] {
    return ['momentum'];
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, { momentum }: Record<string, tf.Variable>): void {
    const direction = tf.sign(tf.add(tf.mul(momentum, this.scalar(this.beta1)), tf.mul(gradient, this.scalar(1 - this.beta1))));
    variable.assign(tf.sub(variable, tf.mul(direction, this.scalar(learningRate))));
    momentum.assign(tf.add(tf.mul(momentum, this.scalar(this.beta2)), tf.mul(gradient, this.scalar(1 - this.beta2))));
  }

  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2 };
  }
}

/**
 * Makes a {@link Lion} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`lion(1e-4)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function lion(args: LionArgs | number = {}): Lion {
  return new Lion(factoryArgs(args, arguments.length, 'lion'));
}
