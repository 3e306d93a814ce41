import { optionKeys, CLOSED_FRACTION, NON_NEGATIVE, POSITIVE, STEP_COUNT, checkNumber } from '@dendrite/backend/internal';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Arguments of {@link CosineDecay}. */
export interface CosineDecayArgs {
  /** The rate at step 0 (where the warmup starts, or the decay when there is none). */
  initialLearningRate: number;
  /** Steps of the cosine decay (> 0), after the warmup. */
  decaySteps: number;
  /** The rate the decay ends at, as a fraction of where it started. Default 0. */
  alpha?: number;
  /** The rate a linear warmup reaches; null (default) for no warmup. */
  warmupTarget?: number | null;
  /** Steps of the warmup. Default 0. */
  warmupSteps?: number;
}

/**
 * Cosine decay with an optional linear warmup, as Keras 3's `CosineDecay`. Without warmup:
 * `lr0 · ((1 − α) · ½(1 + cos(π · min(step, D) / D)) + α)`. With `warmupTarget`, the rate first
 * rises linearly from lr0 to the target over `warmupSteps`, then decays from the target the same
 * way, counting steps from the end of the warmup.
 *
 * @example
 * ```ts
 * cosineDecay({ initialLearningRate: 0, warmupTarget: 0.1, warmupSteps: 1000, decaySteps: 9000 });
 * ```
 */
export class CosineDecay extends LearningRateSchedule {
  static override className = 'CosineDecay';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<CosineDecayArgs>({ initialLearningRate: true, decaySteps: true, alpha: true, warmupTarget: true, warmupSteps: true });
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly alpha: number;
  readonly warmupTarget: number | null;
  readonly warmupSteps: number;

  /** @throws Error naming an argument out of range */
  constructor(args: CosineDecayArgs) {
    super(args);
    const owner = this.owner;
    this.initialLearningRate = checkNumber(args.initialLearningRate, 'initialLearningRate', owner, NON_NEGATIVE);
    this.decaySteps = checkNumber(args.decaySteps, 'decaySteps', owner, POSITIVE);
    this.alpha = checkNumber(args.alpha ?? 0, 'alpha', owner, CLOSED_FRACTION);
    this.warmupTarget = args.warmupTarget == null ? null : checkNumber(args.warmupTarget, 'warmupTarget', owner, NON_NEGATIVE);
    this.warmupSteps = checkNumber(args.warmupSteps ?? 0, 'warmupSteps', owner, STEP_COUNT);
  }

  call(step: number): number {
    if (this.warmupTarget === null) return this.decayed(Math.min(step, this.decaySteps), this.initialLearningRate);
    const current = Math.min(step, this.decaySteps + this.warmupSteps);
    if (current < this.warmupSteps) {
      return this.initialLearningRate + ((this.warmupTarget - this.initialLearningRate) * current) / this.warmupSteps;
    }
    return this.decayed(current - this.warmupSteps, this.warmupTarget);
  }

  private decayed(step: number, from: number): number {
    const cosine = 0.5 * (1 + Math.cos((Math.PI * step) / this.decaySteps));
    return from * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps, alpha: this.alpha, warmup_target: this.warmupTarget, warmup_steps: this.warmupSteps };
  }
}

/**
 * Makes a {@link CosineDecay}.
 *
 * @throws Error naming an argument out of range
 */
export function cosineDecay(args: CosineDecayArgs): CosineDecay {
  return new CosineDecay(args);
}
