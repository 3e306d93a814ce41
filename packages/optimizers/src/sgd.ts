import { tf } from '@dendrite/backend';
import { optionKeys, CLOSED_FRACTION, checkBoolean, checkNumber } from '@dendrite/backend/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';

/** Arguments of {@link SGD}. */
export interface SGDArgs extends OptimizerArgs {
  /** Momentum μ in [0, 1]; 0 (default) is plain gradient descent. */
  momentum?: number;
  /** Nesterov momentum. Default false. */
  nesterov?: boolean;
}

/**
 * Gradient descent with optional momentum, as Keras 3's `SGD` (learning rate 0.01). Without
 * momentum `w ← w − η·g`; with it `m ← μ·m − η·g`, then `w ← w + m`, or with Nesterov
 * `w ← w + μ·m − η·g`. One slot, `momentum`, when μ > 0.
 *
 * @example
 * ```ts
 * new SGD({ learningRate: 0.001, momentum: 0.9, nesterov: true });
 * ```
 */
export class SGD extends Optimizer {
  static override className = 'SGD';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<SGDArgs, OptimizerArgs>({ momentum: true, nesterov: true });
  readonly momentum: number;
  readonly nesterov: boolean;

  /** @throws Error naming an argument out of range (learningRate < 0, momentum outside [0, 1]…) */
  constructor(args: SGDArgs = {}) {
    super(args, { learningRate: 0.01, name: 'SGD' });
    this.momentum = checkNumber(args.momentum ?? 0, 'momentum', this.owner, CLOSED_FRACTION);
    this.nesterov = checkBoolean(args.nesterov ?? false, 'nesterov', this.owner);
  }

  slotNames(): string[] {
    return this.momentum > 0 ? ['momentum'] : [];
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void {
    const step = tf.mul(gradient, this.scalar(learningRate));
    if (this.momentum === 0) {
      variable.assign(tf.sub(variable, step));
      return;
    }
    const momentum = tf.sub(tf.mul(slots.momentum, this.scalar(this.momentum)), step);
    slots.momentum.assign(momentum);
    variable.assign(tf.add(variable, this.nesterov ? tf.sub(tf.mul(momentum, this.scalar(this.momentum)), step) : momentum));
  }

  protected ownConfig(): Record<string, unknown> {
    return { momentum: this.momentum, nesterov: this.nesterov };
  }
}

/**
 * Makes an {@link SGD} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`sgd(0.01)`, as `tf.train.sgd(0.01)`)
 * @throws TypeError for an unknown option or a second argument
 * @example
 * ```ts
 * model.compile({ optimizer: sgd({ learningRate: 0.01, momentum: 0.9 }), loss: 'mse' });
 * ```
 */
export function sgd(args: SGDArgs | number = {}): SGD {
  return new SGD(factoryArgs(args, arguments.length, 'sgd'));
}
