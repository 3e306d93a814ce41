import { tf } from '@dendrite/backend';
import { Optimizer } from './optimizer';
import { type AdamArgs, adamHyperparameters } from './adam';

/**
 * Nadam (Adam with Nesterov momentum), as Keras 3's: a momentum cache
 * `uₜ = β₁(1 − ½·0.96ᵗ)` whose product is kept across steps, `m̂ = uₜ₊₁·m / (1 − Πuₜ₊₁) +
 * (1 − uₜ)·g / (1 − Πuₜ)`, `v̂ = v / (1 − β₂ᵗ)`, `w ← w − η·m̂ / (√v̂ + ε)`.
 */
export class Nadam extends Optimizer {
  static override className = 'Nadam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private uProduct = 1;
  constructor(args: AdamArgs = {}) {
    super(args, { learningRate: 0.001, name: 'nadam' });
    ({ beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon } = adamHyperparameters(this as never, args));
  }
  private u(step: number): number {
    return this.beta1 * (1 - 0.5 * 0.96 ** step);
  }
  protected override beforeStep(): void {
    this.uProduct *= this.u(this.iterations + 1);
  }
  protected slotNames(): string[] {
    return ['m', 'v'];
  }
  protected updateStep(g: tf.Tensor, w: tf.Variable, lr: number, slots: Record<string, tf.Variable>): void {
    const step = this.iterations + 1;
    const uT = this.u(step);
    const uNext = this.u(step + 1);
    const product = this.uProduct;
    const productNext = product * uNext;
    const m = tf.add(slots.m, tf.mul(tf.sub(g, slots.m), 1 - this.beta1));
    const v = tf.add(slots.v, tf.mul(tf.sub(tf.square(g), slots.v), 1 - this.beta2));
    slots.m.assign(m);
    slots.v.assign(v);
    const mHat = tf.add(tf.mul(m, uNext / (1 - productNext)), tf.mul(g, (1 - uT) / (1 - product)));
    const vHat = tf.div(v, 1 - this.beta2 ** step);
    w.assign(tf.sub(w, tf.div(tf.mul(mHat, lr), tf.add(tf.sqrt(vHat), this.epsilon))));
  }
  protected override extraState(): Record<string, number> {
    return { u_product: this.uProduct };
  }
  protected override restoreExtraState(extra: Record<string, number>): void {
    this.uProduct = extra.u_product ?? 1;
  }
  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
