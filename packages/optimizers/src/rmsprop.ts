import { tf } from '@dendrite/backend';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** Arguments of {@link RMSprop}. */
export interface RMSpropArgs extends OptimizerArgs {
  rho?: number;
  momentum?: number;
  epsilon?: number;
  centered?: boolean;
}

/**
 * RMSprop, as Keras 3's (0.001, ρ 0.9, momentum 0, ε 1e-7): `s ← ρ·s + (1−ρ)·g²`; centered also
 * tracks `ḡ ← ρ·ḡ + (1−ρ)·g` and uses `s − ḡ²`; `Δ = η·g / √(s + ε)`; with momentum
 * `m ← μ·m + Δ`, `w ← w − m`, else `w ← w − Δ`.
 */
export class RMSprop extends Optimizer {
  static override className = 'RMSprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  constructor(args: RMSpropArgs = {}) {
    super(args, { learningRate: 0.001, name: 'rmsprop' });
    this.rho = this.checkArgument('rho', args.rho ?? 0.9, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
    this.momentum = this.checkArgument('momentum', args.momentum ?? 0, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
    this.epsilon = this.checkArgument('epsilon', args.epsilon ?? 1e-7, (v) => v >= 0, 'a finite number ≥ 0');
    this.centered = args.centered ?? false;
  }
  protected slotNames(): string[] {
    return ['velocity', ...(this.momentum > 0 ? ['momentum'] : []), ...(this.centered ? ['average_gradient'] : [])];
  }
  protected updateStep(g: tf.Tensor, w: tf.Variable, lr: number, slots: Record<string, tf.Variable>): void {
    const velocity = tf.add(tf.mul(slots.velocity, this.rho), tf.mul(tf.square(g), 1 - this.rho));
    slots.velocity.assign(velocity);
    let denominator: tf.Tensor;
    if (this.centered) {
      const average = tf.add(tf.mul(slots.average_gradient, this.rho), tf.mul(g, 1 - this.rho));
      slots.average_gradient.assign(average);
      denominator = tf.add(tf.sub(velocity, tf.square(average)), this.epsilon);
    } else {
      denominator = tf.add(velocity, this.epsilon);
    }
    const increment = tf.div(tf.mul(g, lr), tf.sqrt(denominator));
    if (this.momentum > 0) {
      const m = tf.add(tf.mul(slots.momentum, this.momentum), increment);
      slots.momentum.assign(m);
      w.assign(tf.sub(w, m));
    } else {
      w.assign(tf.sub(w, increment));
    }
  }
  protected ownConfig(): Record<string, unknown> {
    return { rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}
