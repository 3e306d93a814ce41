import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { BetaArgs } from './beta-arguments';
import type { OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';
import { MomentOptimizer } from './moment-optimizer';

/** Arguments of {@link Adamax}. */
export interface AdamaxArgs extends OptimizerArgs, BetaArgs {}

/**
 * Adamax, Adam with the infinity norm, as Keras 3's (learning rate 0.001, β₁ 0.9, β₂ 0.999,
 * ε 1e-7): at step t `m ← m + (g − m)(1 − β₁)`, `u ← max(β₂·u, |g|)`,
 * `w ← w − η·m / ((1 − β₁ᵗ)(u + ε))`. Slots: `momentum`, `norm`.
 *
 * @example
 * ```ts
 * new Adamax({ learningRate: 0.002 });
 * ```
 */
export class Adamax extends MomentOptimizer {
  static override className = 'Adamax';
  static override readonly optionKeys = optionKeys<AdamaxArgs, OptimizerArgs & BetaArgs>({});

  /** @throws Error naming an argument out of range */
  constructor(args: AdamaxArgs = {}) {
    super(args, { learningRate: 0.001, name: 'adamax' });
  }

  slotNames(): string[] {
    return ['momentum', 'norm'];
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void {
    const t = this.iterations + 1;
    const momentum = tf.add(slots.momentum, tf.mul(tf.sub(gradient, slots.momentum), this.scalar(1 - this.beta1)));
    const norm = tf.maximum(tf.mul(slots.norm, this.scalar(this.beta2)), tf.abs(gradient));
    slots.momentum.assign(momentum);
    slots.norm.assign(norm);
    variable.assign(tf.sub(variable, tf.div(tf.mul(momentum, this.scalar(learningRate)), tf.mul(tf.add(norm, this.scalar(this.epsilon)), this.scalar(1 - this.beta1 ** t)))));
  }
}

/**
 * Makes an {@link Adamax} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`adamax(0.002)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function adamax(args: AdamaxArgs | number = {}): Adamax {
  return new Adamax(factoryArgs(args, arguments.length, 'adamax'));
}
