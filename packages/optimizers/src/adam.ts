import { tf } from '@dendrite/backend';
import { fusedAdamUpdate, optionKeys, checkBoolean } from '@dendrite/backend/internal';
import type { BetaArgs } from './beta-arguments';
import type { OptimizerArgs, OptimizerDefaults } from './optimizer';
import { factoryArgs } from './factory-args';
import { MomentOptimizer } from './moment-optimizer';

/** Arguments of {@link Adam} and {@link AdamW}. */
export interface AdamArgs extends OptimizerArgs, BetaArgs {
  /** The AMSGrad variant: divide by the running maximum of the second moment. Default false. */
  amsgrad?: boolean;
}

/**
 * Adam, as Keras 3's (learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7): at step t (from 1)
 * `m ← m + (g − m)(1 − β₁)`, `v ← v + (g² − v)(1 − β₂)`, `α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)`,
 * `w ← w − α·m / (√v + ε)`. AMSGrad keeps `v̂ ← max(v̂, v)` and uses it for v. Slots: `momentum`,
 * `velocity`, and `velocity_hat` with AMSGrad.
 *
 * Keras folds the bias corrections into α, so ε sits outside the corrected root ("epsilon hat"):
 * the paper's form (Kingma & Ba, `m̂ / (√v̂ + ε)`) differs slightly for small v.
 *
 * @example
 * ```ts
 * new Adam({ learningRate: 0.001, beta1: 0.9, beta2: 0.999 });
 * ```
 */
export class Adam extends MomentOptimizer {
  static override className = 'Adam';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<AdamArgs, OptimizerArgs & BetaArgs>({ amsgrad: true });
  readonly amsgrad: boolean;

  /**
   * @param defaults Keras's, or a subclass's own (AdamW's weight decay)
   * @throws Error naming an argument out of range (a β outside [0, 1)…)
   */
  constructor(args: AdamArgs = {}, defaults: OptimizerDefaults = { learningRate: 0.001, name: 'adam' }) {
    super(args, defaults);
    this.amsgrad = checkBoolean(args.amsgrad ?? false, 'amsgrad', this.owner);
  }

  slotNames(): string[] {
    return this.amsgrad ? ['momentum', 'velocity', 'velocity_hat'] : ['momentum', 'velocity'];
  }

  /** Keras 3 builds `momentum` and `velocity` in one loop, then `velocity_hat` in another. */
  override slotBuildOrder(): string[][] {
    return this.amsgrad ? [['momentum', 'velocity'], ['velocity_hat']] : [['momentum', 'velocity']];
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void {
    const t = this.iterations + 1;
    const alpha = (learningRate * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    if (!this.amsgrad) {
      const next = fusedAdamUpdate(
        { variable, gradient, momentum: slots.momentum, velocity: slots.velocity },
        { alpha, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon },
      );
      if (next !== undefined) {
        slots.momentum.assign(next.momentum);
        slots.velocity.assign(next.velocity);
        variable.assign(next.variable);
        return;
      }
    }
    const momentum = tf.add(slots.momentum, tf.mul(tf.sub(gradient, slots.momentum), this.scalar(1 - this.beta1)));
    const velocity = tf.add(slots.velocity, tf.mul(tf.sub(tf.square(gradient), slots.velocity), this.scalar(1 - this.beta2)));
    slots.momentum.assign(momentum);
    slots.velocity.assign(velocity);
    let second = velocity;
    if (this.amsgrad) {
      second = tf.maximum(slots.velocity_hat, velocity);
      slots.velocity_hat.assign(second);
    }
    variable.assign(tf.sub(variable, tf.div(tf.mul(momentum, this.scalar(alpha)), tf.add(tf.sqrt(second), this.scalar(this.epsilon)))));
  }

  protected override ownConfig(): Record<string, unknown> {
    return { ...super.ownConfig(), amsgrad: this.amsgrad };
  }
}

/**
 * Makes an {@link Adam} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`adam(0.01)`, as `tf.train.adam(0.01)`)
 * @throws TypeError for an unknown option (`beta_1` names `beta1`) or a second argument
 * @example
 * ```ts
 * model.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categorical_crossentropy' });
 * ```
 */
export function adam(args: AdamArgs | number = {}): Adam {
  return new Adam(factoryArgs(args, arguments.length, 'adam'));
}
