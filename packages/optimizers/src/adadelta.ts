import { tf } from '@dendrite/backend';
import { optionKeys, FRACTION, NON_NEGATIVE, checkNumber } from '@dendrite/backend/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';

/** Arguments of {@link Adadelta}. */
export interface AdadeltaArgs extends OptimizerArgs {
  /** ρ: decay of both running means (squared gradients and squared updates), in [0, 1). Default 0.95. */
  rho?: number;
  /** ε inside both square roots. Default 1e-7. */
  epsilon?: number;
}

/**
 * Adadelta, as Keras 3's (learning rate 0.001, ρ 0.95, ε 1e-7):
 * `a ← ρ·a + (1 − ρ)·g²`, `Δ = −√(d + ε)·g / √(a + ε)`, `d ← ρ·d + (1 − ρ)·Δ²`, `w ← w + η·Δ`.
 * Slots: `accumulated_grad` (a) and `accumulated_delta_var` (d), built in two loops over the
 * variables as Keras builds them. Keras's learning rate scales Δ; the paper's form is η = 1.
 *
 * @example
 * ```ts
 * new Adadelta({ learningRate: 1, rho: 0.95 });
 * ```
 */
export class Adadelta extends Optimizer {
  static override className = 'Adadelta';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<AdadeltaArgs, OptimizerArgs>({ rho: true, epsilon: true });
  readonly rho: number;
  readonly epsilon: number;

  /** @throws Error naming an argument out of range */
  constructor(args: AdadeltaArgs = {}) {
    super(args, { learningRate: 0.001, name: 'adadelta' });
    this.rho = checkNumber(args.rho ?? 0.95, 'rho', this.owner, FRACTION);
    this.epsilon = checkNumber(args.epsilon ?? 1e-7, 'epsilon', this.owner, NON_NEGATIVE);
  }

  slotNames(): string[] {
    return ['accumulated_grad', 'accumulated_delta_var'];
  }

  /** Keras 3 builds all `accumulated_grad` slots, then all `accumulated_delta_var` slots. */
  override slotBuildOrder(): string[][] {
    return [['accumulated_grad'], ['accumulated_delta_var']];
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void {
    const rho = this.scalar(this.rho);
    const keep = this.scalar(1 - this.rho);
    const epsilon = this.scalar(this.epsilon);
    const accumulatedGrad = tf.add(tf.mul(slots.accumulated_grad, rho), tf.mul(tf.square(gradient), keep));
    slots.accumulated_grad.assign(accumulatedGrad);
    const delta = tf.neg(tf.div(tf.mul(tf.sqrt(tf.add(slots.accumulated_delta_var, epsilon)), gradient), tf.sqrt(tf.add(accumulatedGrad, epsilon))));
    slots.accumulated_delta_var.assign(tf.add(tf.mul(slots.accumulated_delta_var, rho), tf.mul(tf.square(delta), keep)));
    variable.assign(tf.add(variable, tf.mul(delta, this.scalar(learningRate))));
  }

  protected ownConfig(): Record<string, unknown> {
    return { rho: this.rho, epsilon: this.epsilon };
  }
}

/**
 * Makes an {@link Adadelta} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`adadelta(1)`, as `tf.train.adadelta(1)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function adadelta(args: AdadeltaArgs | number = {}): Adadelta {
  return new Adadelta(factoryArgs(args, arguments.length, 'adadelta'));
}
