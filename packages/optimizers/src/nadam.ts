import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { BetaArgs } from './beta-arguments';
import type { OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';
import { MomentOptimizer } from './moment-optimizer';

/** Arguments of {@link Nadam}. */
export interface NadamArgs extends OptimizerArgs, BetaArgs {}

/**
 * Nadam, Adam with Nesterov momentum, as Keras 3's (learning rate 0.001, β₁ 0.9, β₂ 0.999,
 * ε 1e-7), with Dozat's momentum cache: `uₜ = β₁(1 − ½·0.96ᵗ)` and its running product
 * `Πₜ = u₁⋯uₜ`, kept across steps. At step t: `m ← m + (g − m)(1 − β₁)`,
 * `v ← v + (g² − v)(1 − β₂)`, `m̂ = uₜ₊₁·m / (1 − Πₜ·uₜ₊₁) + (1 − uₜ)·g / (1 − Πₜ)`,
 * `v̂ = v / (1 − β₂ᵗ)`, `w ← w − η·m̂ / (√v̂ + ε)`. Slots: `momentum`, `velocity`; Πₜ is saved in
 * the state's `extra.u_product`.
 *
 * @example
 * ```ts
 * new Nadam({ learningRate: 0.002 });
 * ```
 */
export class Nadam extends MomentOptimizer {
  static override className = 'Nadam';
  static override readonly optionKeys = optionKeys<NadamArgs, OptimizerArgs & BetaArgs>({});
  private uProduct = 1;

  /** @throws Error naming an argument out of range */
  constructor(args: NadamArgs = {}) {
    super(args, { learningRate: 0.001, name: 'nadam' });
  }

  private momentumCache(step: number): number {
    return this.beta1 * (1 - 0.5 * 0.96 ** step);
  }

  protected override beforeStep(): void {
    this.uProduct *= this.momentumCache(this.iterations + 1);
  }

  slotNames(): string[] {
    return ['momentum', 'velocity'];
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void {
    const t = this.iterations + 1;
    const u = this.momentumCache(t);
    const uNext = this.momentumCache(t + 1);
    const momentum = tf.add(slots.momentum, tf.mul(tf.sub(gradient, slots.momentum), this.scalar(1 - this.beta1)));
    const velocity = tf.add(slots.velocity, tf.mul(tf.sub(tf.square(gradient), slots.velocity), this.scalar(1 - this.beta2)));
    slots.momentum.assign(momentum);
    slots.velocity.assign(velocity);
    const momentumHat = tf.add(tf.mul(momentum, this.scalar(uNext / (1 - this.uProduct * uNext))), tf.mul(gradient, this.scalar((1 - u) / (1 - this.uProduct))));
    const velocityHat = tf.div(velocity, this.scalar(1 - this.beta2 ** t));
    variable.assign(tf.sub(variable, tf.div(tf.mul(momentumHat, this.scalar(learningRate)), tf.add(tf.sqrt(velocityHat), this.scalar(this.epsilon)))));
  }

  override extraState(): Record<string, number> {
    return { u_product: this.uProduct };
  }

  protected override restoreExtraState(extra: Record<string, number>): void {
    // The product depends only on β₁ and the step, so a state without it can still be resumed.
    this.uProduct = extra.u_product ?? this.productOfMomentumCaches(this.iterations);
  }

  private productOfMomentumCaches(steps: number): number {
    let product = 1;
    for (let step = 1; step <= steps; step++) product *= this.momentumCache(step);
    return product;
  }
}

/**
 * Makes a {@link Nadam} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`nadam(0.002)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function nadam(args: NadamArgs | number = {}): Nadam {
  return new Nadam(factoryArgs(args, arguments.length, 'nadam'));
}
