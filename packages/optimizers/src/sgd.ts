import { tf } from '@dendrite/backend';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** Arguments of {@link SGD}. */
export interface SGDArgs extends OptimizerArgs {
  /** Momentum in [0, 1] (0). */
  momentum?: number;
  /** Nesterov momentum (false). */
  nesterov?: boolean;
}

/**
 * Gradient descent with optional (Nesterov) momentum, as Keras 3's `SGD` (learning rate 0.01):
 * `m ← μ·m − η·g`; `w ← w + m` (or `w + μ·m − η·g` with Nesterov); without momentum `w ← w − η·g`.
 */
export class SGD extends Optimizer {
  static override className = 'SGD';
  readonly momentum: number;
  readonly nesterov: boolean;
  constructor(args: SGDArgs = {}) {
    super(args, { learningRate: 0.01, name: 'SGD' });
    this.momentum = this.checkArgument('momentum', args.momentum ?? 0, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
    this.nesterov = args.nesterov ?? false;
  }
  protected slotNames(): string[] {
    return this.momentum > 0 ? ['momentum'] : [];
  }
  protected updateStep(g: tf.Tensor, w: tf.Variable, lr: number, slots: Record<string, tf.Variable>): void {
    if (this.momentum === 0) {
      w.assign(tf.sub(w, tf.mul(g, lr)));
      return;
    }
    const m = slots.momentum;
    const next = tf.sub(tf.mul(m, this.momentum), tf.mul(g, lr));
    m.assign(next);
    w.assign(this.nesterov ? tf.add(w, tf.sub(tf.mul(next, this.momentum), tf.mul(g, lr))) : tf.add(w, next));
  }
  protected ownConfig(): Record<string, unknown> {
    return { momentum: this.momentum, nesterov: this.nesterov };
  }
}
