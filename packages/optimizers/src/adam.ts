import { tf } from '@dendrite/backend';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** Arguments of {@link Adam}, {@link AdamW} and {@link Adamax}. */
export interface AdamArgs extends OptimizerArgs {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Adam's AMSGrad variant (Adam and AdamW). */
  amsgrad?: boolean;
}

/** Checks and fills Adam-family hyperparameters. */
export function adamHyperparameters(optimizer: { checkArgument: Optimizer['checkArgument'] }, args: AdamArgs) {
  return {
    beta1: optimizer.checkArgument('beta1', args.beta1 ?? 0.9, (v) => v >= 0 && v < 1, 'a number in [0, 1)'),
    beta2: optimizer.checkArgument('beta2', args.beta2 ?? 0.999, (v) => v >= 0 && v < 1, 'a number in [0, 1)'),
    epsilon: optimizer.checkArgument('epsilon', args.epsilon ?? 1e-7, (v) => v >= 0, 'a finite number ≥ 0'),
  };
}

/**
 * Adam, as Keras 3's (0.001, β₁ 0.9, β₂ 0.999, ε 1e-7): `m ← m + (g − m)(1 − β₁)`,
 * `v ← v + (g² − v)(1 − β₂)`, `α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)`, `w ← w − α·m / (√v + ε)`; AMSGrad
 * uses the running maximum of v.
 */
export class Adam extends Optimizer {
  static override className = 'Adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;
  constructor(args: AdamArgs = {}, defaults = { learningRate: 0.001, name: 'adam' }) {
    super(args, defaults);
    ({ beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon } = adamHyperparameters(this as never, args));
    this.amsgrad = args.amsgrad ?? false;
  }
  protected slotNames(): string[] {
    return this.amsgrad ? ['m', 'v', 'v_hat'] : ['m', 'v'];
  }
  protected updateStep(g: tf.Tensor, w: tf.Variable, lr: number, slots: Record<string, tf.Variable>): void {
    const step = this.iterations + 1;
    const alpha = (lr * Math.sqrt(1 - this.beta2 ** step)) / (1 - this.beta1 ** step);
    const m = tf.add(slots.m, tf.mul(tf.sub(g, slots.m), 1 - this.beta1));
    const v = tf.add(slots.v, tf.mul(tf.sub(tf.square(g), slots.v), 1 - this.beta2));
    slots.m.assign(m);
    slots.v.assign(v);
    let second = v;
    if (this.amsgrad) {
      second = tf.maximum(slots.v_hat, v);
      slots.v_hat.assign(second);
    }
    w.assign(tf.sub(w, tf.div(tf.mul(m, alpha), tf.add(tf.sqrt(second), this.epsilon))));
  }
  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }
}

/** Adam with decoupled weight decay (0.004 by default), as Keras 3's `AdamW`. */
export class AdamW extends Adam {
  static override className = 'AdamW';
  constructor(args: AdamArgs = {}) {
    super({ ...args, weightDecay: args.weightDecay ?? 0.004 }, { learningRate: 0.001, name: 'adamw' });
  }
}

/**
 * Adamax, as Keras 3's: `m ← m + (g − m)(1 − β₁)`, `u ← max(β₂·u, |g|)`,
 * `w ← w − η·m / ((1 − β₁ᵗ)(u + ε))`.
 */
export class Adamax extends Optimizer {
  static override className = 'Adamax';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  constructor(args: AdamArgs = {}) {
    super(args, { learningRate: 0.001, name: 'adamax' });
    ({ beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon } = adamHyperparameters(this as never, args));
  }
  protected slotNames(): string[] {
    return ['m', 'u'];
  }
  protected updateStep(g: tf.Tensor, w: tf.Variable, lr: number, slots: Record<string, tf.Variable>): void {
    const step = this.iterations + 1;
    const m = tf.add(slots.m, tf.mul(tf.sub(g, slots.m), 1 - this.beta1));
    const u = tf.maximum(tf.mul(slots.u, this.beta2), tf.abs(g));
    slots.m.assign(m);
    slots.u.assign(u);
    w.assign(tf.sub(w, tf.div(tf.mul(m, lr), tf.mul(tf.add(u, this.epsilon), 1 - this.beta1 ** step))));
  }
  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
