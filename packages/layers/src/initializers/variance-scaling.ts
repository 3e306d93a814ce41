import { tf } from '@dendrite/backend';
import { toSnakeCase, checkOptionKeys, optionKeys, checkNumber, POSITIVE, checkShape, expectedMessage } from '@dendrite/backend/internal';
import { computeFans } from './compute-fans';
import { castTo, RandomInitializer } from './random-initializer';

/** Which fan {@link VarianceScaling} divides its scale by. */
export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
/** The distribution {@link VarianceScaling} draws from. */
export type ScalingDistribution = 'truncated_normal' | 'untruncated_normal' | 'uniform';

/** Arguments of {@link VarianceScaling}. */
export interface VarianceScalingArgs {
  /** The variance's numerator, > 0; 1 by default. */
  scale?: number;
  /** `'fan_in'` (default), `'fan_out'` or `'fan_avg'`; tfjs's `'fanIn'` spellings are accepted. */
  mode?: FanMode | 'fanIn' | 'fanOut' | 'fanAvg';
  /**
   * `'truncated_normal'` (default), `'untruncated_normal'` or `'uniform'`; `'normal'` means
   * truncated_normal, as in Keras, and tfjs's `'truncatedNormal'` spelling is accepted.
   */
  distribution?: ScalingDistribution | 'normal' | 'truncatedNormal' | 'untruncatedNormal';
  /** An integer for repeatable draws; none by default (see {@link RandomInitializer}). */
  seed?: number | null;
}

const MODES: readonly FanMode[] = ['fan_in', 'fan_out', 'fan_avg'];
const DISTRIBUTIONS: readonly ScalingDistribution[] = ['truncated_normal', 'untruncated_normal', 'uniform'];

/**
 * The standard deviation of a unit normal truncated at ±2: dividing by it gives the truncated
 * draws the intended standard deviation (Keras's constant).
 */
export const TRUNCATION_CORRECTION = 0.87962566103423978;

/**
 * Draws with variance `scale / n` (Keras `VarianceScaling`; config
 * `{ seed, scale, mode, distribution }`), where n is the fan-in, the fan-out or their average
 * (see {@link computeFans}; at least 1):
 * - `truncated_normal`: normal with stddev `√(scale / n) / 0.87962566103423978`, truncated at 2σ;
 * - `untruncated_normal`: normal with stddev `√(scale / n)`;
 * - `uniform`: uniform in ±`√(3 · scale / n)`.
 *
 * The Glorot, He and LeCun initializers are presets of it.
 *
 * @example
 * ```ts
 * new VarianceScaling({ scale: 2, mode: 'fan_out', distribution: 'uniform' }).call([64, 32]);
 * ```
 */
export class VarianceScaling extends RandomInitializer {
  static override className = 'VarianceScaling';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<VarianceScalingArgs>({ scale: true, mode: true, distribution: true, seed: true });
  /** The variance's numerator. */
  readonly scale: number;
  /** Which fan the scale is divided by. */
  readonly mode: FanMode;
  /** The distribution drawn from. */
  readonly distribution: ScalingDistribution;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error for a scale ≤ 0, an unknown mode or distribution, or a non-integer seed */
  constructor(args: VarianceScalingArgs = {}) {
    super(args.seed);
    checkOptionKeys(args, VarianceScaling.optionKeys, this.className);
    this.scale = checkNumber(args.scale ?? 1, 'scale', `initializer ${this.className}`, POSITIVE);
    this.mode = oneOf(args.mode ?? 'fan_in', MODES, 'mode', this.className);
    const distribution = typeof args.distribution === 'string' && args.distribution.toLowerCase() === 'normal' ? 'truncated_normal' : (args.distribution ?? 'truncated_normal');
    this.distribution = oneOf(distribution, DISTRIBUTIONS, 'distribution', this.className);
  }

  /** A new tensor drawn with variance `scale / fan`. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    checkShape(shape, `initializer ${this.className}`);
    const { fanIn, fanOut } = computeFans(shape);
    const fan = this.mode === 'fan_in' ? fanIn : this.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
    const variance = this.scale / Math.max(1, fan);
    const seed = this.drawSeed();
    if (this.distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      return castTo(tf.randomUniform(shape, -limit, limit, 'float32', seed), dtype);
    }
    if (this.distribution === 'untruncated_normal') return castTo(tf.randomNormal(shape, 0, Math.sqrt(variance), 'float32', seed), dtype);
    return castTo(tf.truncatedNormal(shape, 0, Math.sqrt(variance) / TRUNCATION_CORRECTION, 'float32', seed), dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), scale: this.scale, mode: this.mode, distribution: this.distribution };
  }
}

/** `value` in Keras's snake_case spelling when it is one of `allowed`. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[], argumentName: string, className: string): T {
  const spelled = typeof value === 'string' ? toSnakeCase(value) : value;
  if (!allowed.includes(spelled as T)) {
    const message = expectedMessage(argumentName, `one of ${allowed.join(', ')}`, value, `initializer ${className}`);
    throw typeof value === 'string' ? new RangeError(message) : new TypeError(message);
  }
  return spelled as T;
}
