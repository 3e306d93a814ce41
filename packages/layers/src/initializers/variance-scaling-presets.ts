import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import { VarianceScaling } from './variance-scaling';

/** Arguments of the {@link VarianceScaling} presets: only a seed. */
export interface SeedArgs {
  /** An integer for repeatable draws; none by default. */
  seed?: number | null;
}

/** The option keys of the presets: only `seed`. */
const SEED_KEYS = optionKeys<SeedArgs>({ seed: true });

/**
 * Glorot (Xavier) uniform: uniform in ±`√(6 / (fanIn + fanOut))` (Keras `GlorotUniform`;
 * config `{ seed }`), Keras's default kernel initializer.
 *
 * @example
 * ```ts
 * new GlorotUniform({ seed: 1 }).call([784, 128]); // within ±0.0813
 * ```
 */
export class GlorotUniform extends VarianceScaling {
  static override className = 'GlorotUniform';
  /** The option keys of the constructor. */
  static override readonly optionKeys = SEED_KEYS;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `seed` is not an integer
   */
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: args.seed });
    checkOptionKeys(args, SEED_KEYS, this.className);
  }

  /** `{ seed }`: Keras's presets write only their seed. */
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/**
 * Glorot (Xavier) normal: truncated normal with stddev `√(2 / (fanIn + fanOut))` (Keras
 * `GlorotNormal`; config `{ seed }`).
 *
 * @example
 * ```ts
 * new GlorotNormal().call([256, 256]);
 * ```
 */
export class GlorotNormal extends VarianceScaling {
  static override className = 'GlorotNormal';
  /** The option keys of the constructor. */
  static override readonly optionKeys = SEED_KEYS;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `seed` is not an integer
   */
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_avg', distribution: 'truncated_normal', seed: args.seed });
    checkOptionKeys(args, SEED_KEYS, this.className);
  }

  /** `{ seed }`: Keras's presets write only their seed. */
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/**
 * He normal: truncated normal with stddev `√(2 / fanIn)` (Keras `HeNormal`; config `{ seed }`),
 * for relu layers.
 *
 * @example
 * ```ts
 * new HeNormal().call([3, 3, 64, 128]); // fanIn 576
 * ```
 */
export class HeNormal extends VarianceScaling {
  static override className = 'HeNormal';
  /** The option keys of the constructor. */
  static override readonly optionKeys = SEED_KEYS;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `seed` is not an integer
   */
  constructor(args: SeedArgs = {}) {
    super({ scale: 2, mode: 'fan_in', distribution: 'truncated_normal', seed: args.seed });
    checkOptionKeys(args, SEED_KEYS, this.className);
  }

  /** `{ seed }`: Keras's presets write only their seed. */
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/**
 * He uniform: uniform in ±`√(6 / fanIn)` (Keras `HeUniform`; config `{ seed }`).
 *
 * @example
 * ```ts
 * new HeUniform().call([100, 10]); // within ±0.245
 * ```
 */
export class HeUniform extends VarianceScaling {
  static override className = 'HeUniform';
  /** The option keys of the constructor. */
  static override readonly optionKeys = SEED_KEYS;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `seed` is not an integer
   */
  constructor(args: SeedArgs = {}) {
    super({ scale: 2, mode: 'fan_in', distribution: 'uniform', seed: args.seed });
    checkOptionKeys(args, SEED_KEYS, this.className);
  }

  /** `{ seed }`: Keras's presets write only their seed. */
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/**
 * LeCun normal: truncated normal with stddev `√(1 / fanIn)` (Keras `LecunNormal`; config
 * `{ seed }`), for selu layers.
 *
 * @example
 * ```ts
 * new LecunNormal().call([64, 64]);
 * ```
 */
export class LecunNormal extends VarianceScaling {
  static override className = 'LecunNormal';
  /** The option keys of the constructor. */
  static override readonly optionKeys = SEED_KEYS;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `seed` is not an integer
   */
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_in', distribution: 'truncated_normal', seed: args.seed });
    checkOptionKeys(args, SEED_KEYS, this.className);
  }

  /** `{ seed }`: Keras's presets write only their seed. */
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/**
 * LeCun uniform: uniform in ±`√(3 / fanIn)` (Keras `LecunUniform`; config `{ seed }`).
 *
 * @example
 * ```ts
 * new LecunUniform().call([300, 10]); // within ±0.1
 * ```
 */
export class LecunUniform extends VarianceScaling {
  static override className = 'LecunUniform';
  /** The option keys of the constructor. */
  static override readonly optionKeys = SEED_KEYS;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `seed` is not an integer
   */
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_in', distribution: 'uniform', seed: args.seed });
    checkOptionKeys(args, SEED_KEYS, this.className);
  }

  /** `{ seed }`: Keras's presets write only their seed. */
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}
