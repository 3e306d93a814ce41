import { tf } from '@dendrite/backend';
import { optionKeys, CLOSED_FRACTION, FRACTION, NON_NEGATIVE, checkBoolean, checkNumber } from '@dendrite/backend/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';

/** Arguments of {@link RMSprop}. */
export interface RMSpropArgs extends OptimizerArgs {
  /** ρ: decay of the squared gradients' running mean, in [0, 1). Default 0.9. */
  rho?: number;
  /** Momentum μ in [0, 1]. Default 0. */
  momentum?: number;
  /** ε inside the square root. Default 1e-7. */
  epsilon?: number;
  /** Divide by the gradients' estimated variance instead of their second moment. Default false. */
  centered?: boolean;
}

/**
 * RMSprop, as Keras 3's (learning rate 0.001): `s ← ρ·s + (1 − ρ)·g²`; centered also keeps
 * `ḡ ← ρ·ḡ + (1 − ρ)·g` and uses `s − ḡ²`; the step is `Δ = η·g / √(s [− ḡ²] + ε)`; with momentum
 * `m ← μ·m + Δ`, `w ← w − m`, else `w ← w − Δ`. Slots: `velocity`, and `momentum` and
 * `average_gradient` when used.
 *
 * @example
 * ```ts
 * new RMSprop({ learningRate: 0.001, rho: 0.9 });
 * ```
 */
export class RMSprop extends Optimizer {
  static override className = 'RMSprop';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<RMSpropArgs, OptimizerArgs>({ rho: true, momentum: true, epsilon: true, centered: true });
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;

  /** @throws Error naming an argument out of range */
  constructor(args: RMSpropArgs = {}) {
    super(args, { learningRate: 0.001, name: 'rmsprop' });
    this.rho = checkNumber(args.rho ?? 0.9, 'rho', this.owner, FRACTION);
    this.momentum = checkNumber(args.momentum ?? 0, 'momentum', this.owner, CLOSED_FRACTION);
    this.epsilon = checkNumber(args.epsilon ?? 1e-7, 'epsilon', this.owner, NON_NEGATIVE);
    this.centered = checkBoolean(args.centered ?? false, 'centered', this.owner);
  }

  slotNames(): string[] {
    return ['velocity', ...(this.momentum > 0 ? ['momentum'] : []), ...(this.centered ? ['average_gradient'] : [])];
  }

  /** Keras 3 builds each slot in its own loop over the variables. */
  override slotBuildOrder(): string[][] {
    return this.slotNames().map((slot) => [slot]);
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void {
    const velocity = tf.add(tf.mul(slots.velocity, this.scalar(this.rho)), tf.mul(tf.square(gradient), this.scalar(1 - this.rho)));
    slots.velocity.assign(velocity);
    let second: tf.Tensor = velocity;
    if (this.centered) {
      const average = tf.add(tf.mul(slots.average_gradient, this.scalar(this.rho)), tf.mul(gradient, this.scalar(1 - this.rho)));
      slots.average_gradient.assign(average);
      second = tf.sub(velocity, tf.square(average));
    }
    const increment = tf.div(tf.mul(gradient, this.scalar(learningRate)), tf.sqrt(tf.add(second, this.scalar(this.epsilon))));
    if (this.momentum > 0) {
      const momentum = tf.add(tf.mul(slots.momentum, this.scalar(this.momentum)), increment);
      slots.momentum.assign(momentum);
      variable.assign(tf.sub(variable, momentum));
    } else {
      variable.assign(tf.sub(variable, increment));
    }
  }

  protected ownConfig(): Record<string, unknown> {
    return { rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}

/**
 * Makes an {@link RMSprop} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`rmsprop(0.001)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function rmsprop(args: RMSpropArgs | number = {}): RMSprop {
  return new RMSprop(factoryArgs(args, arguments.length, 'rmsprop'));
}
