import { tf } from '@dendrite/backend';
import { optionKeys, NON_NEGATIVE, POSITIVE, type NumberRule, checkBoolean, checkNumber } from '@dendrite/backend/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';

/** Arguments of {@link Adafactor}. */
export interface AdafactorArgs extends OptimizerArgs {
  /** d ≤ 0: the second moment's decay at step t is `β₂ₜ = 1 − t^d`. Default −0.8. */
  beta2Decay?: number;
  /** ε₁ added to g² (keeps the denominator off 0). Default 1e-30. */
  epsilon1?: number;
  /** ε₂: the least scale of a step (`max(ε₂, RMS(w))`). Default 1e-3. */
  epsilon2?: number;
  /** d > 0: the update is scaled down to RMS ≤ d. Part of Adafactor, apart from `clipNorm`/`clipValue`. Default 1. */
  clipThreshold?: number;
  /** Keras's relative step (`η ← min(η, 1/√t)`), on by default. Keras 3 applies `min(η, 1/√t)` either way, so it changes nothing; kept for configs. */
  relativeStep?: boolean;
}

/** A finite number ≤ 0 (the decay exponent). */
const NON_POSITIVE: NumberRule = { test: (v) => v <= 0, expected: 'a finite number ≤ 0' };

/** `√mean(x²)` over every element, as a scalar tensor. */
function rms(x: tf.Tensor): tf.Tensor {
  return tf.sqrt(tf.mean(tf.square(x)));
}

/**
 * Adafactor, as Keras 3's (learning rate 0.001, decay −0.8, ε₁ 1e-30, ε₂ 1e-3, clip 1): at step t
 * (from 1), `ρ = min(η, 1/√t)`, `α = max(ε₂, RMS(w))·ρ`, `β₂ₜ = 1 − t^d`, `G = g² + ε₁`. A variable
 * of rank ≥ 2 keeps factored moments over its last two axes: `r ← β₂ₜ·r + (1 − β₂ₜ)·mean(G, −1)`,
 * `c ← β₂ₜ·c + (1 − β₂ₜ)·mean(G, −2)`, `v = (r / mean(r, −1))ᵀ ⊗ c`; a smaller one keeps
 * `v ← β₂ₜ·v + (1 − β₂ₜ)·G`. Then `u = g/√v`, `w ← w − α·u / max(1, RMS(u)/d)`.
 * Slots per variable, in Keras's build order: `r` (shape `w.shape[:-1]`), `c`
 * (`w.shape[:-2] + [w.shape[-1]]`) — scalar placeholders below rank 2, as Keras's — and `velocity`.
 *
 * @example
 * ```ts
 * new Adafactor({ learningRate: 0.01 });
 * ```
 */
export class Adafactor extends Optimizer {
  static override className = 'Adafactor';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<AdafactorArgs, OptimizerArgs>({ beta2Decay: true, epsilon1: true, epsilon2: true, clipThreshold: true, relativeStep: true });
  readonly beta2Decay: number;
  readonly epsilon1: number;
  readonly epsilon2: number;
  readonly clipThreshold: number;
  readonly relativeStep: boolean;

  /** @throws Error naming an argument out of range */
  constructor(args: AdafactorArgs = {}) {
    super(args, { learningRate: 0.001, name: 'adafactor' });
    this.beta2Decay = checkNumber(args.beta2Decay ?? -0.8, 'beta2Decay', this.owner, NON_POSITIVE);
    this.epsilon1 = checkNumber(args.epsilon1 ?? 1e-30, 'epsilon1', this.owner, NON_NEGATIVE);
    this.epsilon2 = checkNumber(args.epsilon2 ?? 1e-3, 'epsilon2', this.owner, NON_NEGATIVE);
    this.clipThreshold = checkNumber(args.clipThreshold ?? 1, 'clipThreshold', this.owner, POSITIVE);
    this.relativeStep = checkBoolean(args.relativeStep ?? true, 'relativeStep', this.owner);
  }

  slotNames(): string[] {
    return ['r', 'c', 'velocity'];
  }

  /** `r` drops the last axis and `c` the second last; both are scalars for variables of rank < 2. */
  override slotShape(slot: string, variableShape: readonly number[]): number[] {
    if (slot === 'velocity') return [...variableShape];
    if (variableShape.length < 2) return [];
    return slot === 'r' ? variableShape.slice(0, -1) : [...variableShape.slice(0, -2), variableShape[variableShape.length - 1]];
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, { r, c, velocity }: Record<string, tf.Variable>): void {
    const t = this.iterations + 1;
    const rho = Math.min(learningRate, 1 / Math.sqrt(t));
    const alpha = tf.mul(tf.maximum(rms(variable), this.scalar(this.epsilon2)), this.scalar(rho));
    const regulated = tf.add(tf.square(gradient), this.scalar(this.epsilon1));
    const beta2t = 1 - t ** this.beta2Decay;
    const decay = this.scalar(beta2t);
    const keep = this.scalar(1 - beta2t);
    let second: tf.Tensor;
    if (variable.rank >= 2) {
      const nextR = tf.add(tf.mul(r, decay), tf.mul(tf.mean(regulated, -1), keep));
      const nextC = tf.add(tf.mul(c, decay), tf.mul(tf.mean(regulated, -2), keep));
      r.assign(nextR);
      c.assign(nextC);
      second = tf.mul(tf.expandDims(tf.div(nextR, tf.mean(nextR, -1, true)), -1), tf.expandDims(nextC, -2));
    } else {
      second = tf.add(tf.mul(velocity, decay), tf.mul(regulated, keep));
    }
    velocity.assign(second);
    const update = tf.div(gradient, tf.sqrt(second));
    const clipped = tf.div(update, tf.maximum(this.scalar(1), tf.div(rms(update), this.scalar(this.clipThreshold))));
    variable.assign(tf.sub(variable, tf.mul(alpha, clipped)));
  }

  protected ownConfig(): Record<string, unknown> {
    return { beta_2_decay: this.beta2Decay, epsilon_1: this.epsilon1, epsilon_2: this.epsilon2, clip_threshold: this.clipThreshold, relative_step: this.relativeStep };
  }
}

/**
 * Makes an {@link Adafactor} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`adafactor(0.01)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function adafactor(args: AdafactorArgs | number = {}): Adafactor {
  return new Adafactor(factoryArgs(args, arguments.length, 'adafactor'));
}
