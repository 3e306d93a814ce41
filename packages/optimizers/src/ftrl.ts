import { tf } from '@dendrite/backend';
import { optionKeys, NON_NEGATIVE, type NumberRule, checkNumber } from '@dendrite/backend/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';

/** Arguments of {@link Ftrl}. */
export interface FtrlArgs extends OptimizerArgs {
  /** p ≤ 0: how the per-weight rate falls as `n^p`; 0 keeps it fixed. Default −0.5. */
  learningRatePower?: number;
  /** The accumulator n's starting value, ≥ 0. Default 0.1. */
  initialAccumulatorValue?: number;
  /** λ₁ ≥ 0: L1 strength (weights with |z| ≤ λ₁ become exactly 0). Default 0. */
  l1RegularizationStrength?: number;
  /** λ₂ ≥ 0: the paper's (stabilizing) L2 strength. Default 0. */
  l2RegularizationStrength?: number;
  /** ≥ 0: L2 added to the loss (`g + 2·λ·w` feeds z, not n). Default 0. */
  l2ShrinkageRegularizationStrength?: number;
  /** The paper's β, added as `β / (2η)` to λ₂. Default 0. */
  beta?: number;
}

/** A finite number ≤ 0 (Ftrl's learning-rate power). */
const NON_POSITIVE: NumberRule = { test: (v) => v <= 0, expected: 'a finite number ≤ 0' };

/**
 * FTRL-Proximal, as Keras 3's `Ftrl` (learning rate 0.001, p −0.5, n₀ 0.1, every strength 0):
 * `g̃ = g + 2·λₛ·w`, `n' = n + g²`, `z ← z + g̃ − (n'^(−p) − n^(−p))/η · w`,
 * `w ← (clip(z, −λ₁, λ₁) − z) / (n'^(−p)/η + 2·(λ₂ + β/(2η)))`, `n ← n'`. Slots: `accumulator`
 * (n, from `initialAccumulatorValue`) and `linear` (z), built per variable in that order.
 *
 * @example
 * ```ts
 * new Ftrl({ learningRate: 0.1, l1RegularizationStrength: 0.01 });
 * ```
 */
export class Ftrl extends Optimizer {
  static override className = 'Ftrl';
  // Stryker disable BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<FtrlArgs, OptimizerArgs>({
    learningRatePower: true,
    initialAccumulatorValue: true,
    l1RegularizationStrength: true,
    l2RegularizationStrength: true,
    l2ShrinkageRegularizationStrength: true,
    beta: true,
  });
  // Stryker restore BooleanLiteral
  readonly learningRatePower: number;
  readonly initialAccumulatorValue: number;
  readonly l1RegularizationStrength: number;
  readonly l2RegularizationStrength: number;
  readonly l2ShrinkageRegularizationStrength: number;
  readonly beta: number;

  /** @throws Error naming an argument out of range (a positive power, a negative strength…) */
  constructor(args: FtrlArgs = {}) {
    super(args, { learningRate: 0.001, name: 'ftrl' });
    this.learningRatePower = checkNumber(args.learningRatePower ?? -0.5, 'learningRatePower', this.owner, NON_POSITIVE);
    this.initialAccumulatorValue = checkNumber(args.initialAccumulatorValue ?? 0.1, 'initialAccumulatorValue', this.owner, NON_NEGATIVE);
    this.l1RegularizationStrength = checkNumber(args.l1RegularizationStrength ?? 0, 'l1RegularizationStrength', this.owner, NON_NEGATIVE);
    this.l2RegularizationStrength = checkNumber(args.l2RegularizationStrength ?? 0, 'l2RegularizationStrength', this.owner, NON_NEGATIVE);
    this.l2ShrinkageRegularizationStrength = checkNumber(args.l2ShrinkageRegularizationStrength ?? 0, 'l2ShrinkageRegularizationStrength', this.owner, NON_NEGATIVE);
    this.beta = checkNumber(args.beta ?? 0, 'beta', this.owner, NON_NEGATIVE);
  }

  slotNames(): string[] {
    return ['accumulator', 'linear'];
  }

  protected override initialSlotValue(slot: string, variable: tf.Variable): tf.Tensor {
    return slot === 'accumulator' ? tf.fill(variable.shape, this.initialAccumulatorValue) : tf.zerosLike(variable);
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, { accumulator, linear }: Record<string, tf.Variable>): void {
    const power = this.scalar(-this.learningRatePower);
    const rate = this.scalar(learningRate);
    const l2 = this.l2RegularizationStrength + this.beta / (2 * learningRate);
    // Stryker disable next-line ConditionalExpression: a shrinkage of 0 adds w·0, the same gradient
    const shrunk = this.l2ShrinkageRegularizationStrength === 0 ? gradient : tf.add(gradient, tf.mul(variable, this.scalar(2 * this.l2ShrinkageRegularizationStrength)));
    const nextAccumulator = tf.add(accumulator, tf.square(gradient));
    const nextPower = tf.pow(nextAccumulator, power);
    const sigma = tf.div(tf.sub(nextPower, tf.pow(accumulator, power)), rate);
    const nextLinear = tf.add(linear, tf.sub(shrunk, tf.mul(sigma, variable)));
    linear.assign(nextLinear);
    const quadratic = tf.add(tf.div(nextPower, rate), this.scalar(2 * l2));
    const l1 = this.l1RegularizationStrength;
    variable.assign(tf.div(tf.sub(tf.clipByValue(nextLinear, -l1, l1), nextLinear), quadratic));
    accumulator.assign(nextAccumulator);
  }

  protected ownConfig(): Record<string, unknown> {
    return {
      learning_rate_power: this.learningRatePower,
      initial_accumulator_value: this.initialAccumulatorValue,
      l1_regularization_strength: this.l1RegularizationStrength,
      l2_regularization_strength: this.l2RegularizationStrength,
      l2_shrinkage_regularization_strength: this.l2ShrinkageRegularizationStrength,
      beta: this.beta,
    };
  }
}

/**
 * Makes an {@link Ftrl} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`ftrl(0.1)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function ftrl(args: FtrlArgs | number = {}): Ftrl {
  return new Ftrl(factoryArgs(args, arguments.length, 'ftrl'));
}
