import { tf } from '@dendrite/backend';
import { checkNumber, computeFans, drawSeed, Initializer } from './initializer';

/** How {@link VarianceScaling} counts a kernel's fan. */
export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
/** The distribution {@link VarianceScaling} draws from. */
export type ScalingDistribution = 'truncated_normal' | 'untruncated_normal' | 'uniform';

/** Arguments of {@link VarianceScaling}. */
export interface VarianceScalingArgs {
  scale?: number;
  mode?: FanMode;
  distribution?: ScalingDistribution | 'normal';
  seed?: number;
}

/** Keras's correction that gives a normal truncated at 2σ the intended standard deviation. */
const TRUNCATION_CORRECTION = 0.87962566103423978;

/**
 * Draws with a variance of `scale / fan` (Keras's `VarianceScaling`), the family behind Glorot,
 * He and LeCun initializers.
 */
export class VarianceScaling extends Initializer {
  static override className = 'VarianceScaling';
  readonly scale: number;
  readonly mode: FanMode;
  readonly distribution: ScalingDistribution;
  readonly seed?: number;

  constructor(args: VarianceScalingArgs = {}) {
    super();
    const className = (this.constructor as typeof Initializer).className;
    this.scale = checkNumber(args.scale ?? 1, 'scale', className, (v) => Number.isFinite(v) && v > 0, 'a finite number > 0');
    const mode = args.mode ?? 'fan_in';
    if (!['fan_in', 'fan_out', 'fan_avg'].includes(mode)) {
      throw new Error(`Expected mode to be one of fan_in, fan_out, fan_avg, received ${JSON.stringify(mode)} in initializer ${className}`);
    }
    this.mode = mode;
    const distribution = args.distribution === 'normal' ? 'truncated_normal' : (args.distribution ?? 'truncated_normal');
    if (!['truncated_normal', 'untruncated_normal', 'uniform'].includes(distribution)) {
      throw new Error(`Expected distribution to be one of truncated_normal, untruncated_normal, uniform, received ${JSON.stringify(distribution)} in initializer ${className}`);
    }
    this.distribution = distribution;
    this.seed = args.seed;
  }

  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    const { fanIn, fanOut } = computeFans(shape);
    const fan = this.mode === 'fan_in' ? fanIn : this.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
    const scale = this.scale / Math.max(1, fan);
    const seed = drawSeed(this.seed);
    if (this.distribution === 'uniform') {
      const limit = Math.sqrt(3 * scale);
      return tf.randomUniform(shape, -limit, limit, dtype, seed);
    }
    if (this.distribution === 'untruncated_normal') return tf.randomNormal(shape, 0, Math.sqrt(scale), dtype as 'float32', seed);
    return tf.truncatedNormal(shape, 0, Math.sqrt(scale) / TRUNCATION_CORRECTION, dtype as 'float32', seed);
  }

  override getConfig(): Record<string, unknown> {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed ?? null };
  }
}

/** A {@link VarianceScaling} with fixed scale, mode and distribution, configured only by its seed. */
function preset(className: string, scale: number, mode: FanMode, distribution: ScalingDistribution) {
  return class extends VarianceScaling {
    static override className = className;
    constructor(args: { seed?: number } = {}) {
      super({ scale, mode, distribution, seed: args.seed });
    }
    override getConfig(): Record<string, unknown> {
      return { seed: this.seed ?? null };
    }
  };
}

/** Uniform with limit √(6 / (fanIn + fanOut)): Keras's default kernel initializer. */
export const GlorotUniform = preset('GlorotUniform', 1, 'fan_avg', 'uniform');
/** Truncated normal with σ = √(2 / (fanIn + fanOut)). */
export const GlorotNormal = preset('GlorotNormal', 1, 'fan_avg', 'truncated_normal');
/** Truncated normal with σ = √(2 / fanIn), for relu layers. */
export const HeNormal = preset('HeNormal', 2, 'fan_in', 'truncated_normal');
/** Uniform with limit √(6 / fanIn). */
export const HeUniform = preset('HeUniform', 2, 'fan_in', 'uniform');
/** Truncated normal with σ = √(1 / fanIn), for selu layers. */
export const LecunNormal = preset('LecunNormal', 1, 'fan_in', 'truncated_normal');
/** Uniform with limit √(3 / fanIn). */
export const LecunUniform = preset('LecunUniform', 1, 'fan_in', 'uniform');
