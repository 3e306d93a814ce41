import { positionalOptions } from '../engine/positional-options';
import { Constant, type ConstantArgs } from './constant';
import { Identity, type IdentityArgs } from './identity';
import { Ones } from './ones';
import { Orthogonal, type OrthogonalArgs } from './orthogonal';
import { RandomNormal, type RandomNormalArgs } from './random-normal';
import { RandomUniform, type RandomUniformArgs } from './random-uniform';
import { TruncatedNormal } from './truncated-normal';
import { VarianceScaling, type VarianceScalingArgs } from './variance-scaling';
import { GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, type SeedArgs } from './variance-scaling-presets';
import { Zeros } from './zeros';

/*
 * Factories in tfjs-layers' spelling: `initializers.glorotUniform({ seed: 1 })` is
 * `new GlorotUniform({ seed: 1 })`. Each also takes Keras's positional arguments, in Keras's
 * order (`constant(0.1)`, `randomNormal(0, 0.02)`, `glorotUniform(42)` for seed 42), then
 * optionally the remaining options. Each throws what its class's constructor throws, and a
 * TypeError for an unknown option, a value given twice or too many arguments.
 */

/** A new {@link Zeros}: `dense({ units: 4, biasInitializer: zeros() })`. */
export function zeros(args?: Record<string, never>): Zeros {
  return new Zeros(args);
}
/** A new {@link Ones}: `ones().call([3])`. */
export function ones(args?: Record<string, never>): Ones {
  return new Ones(args);
}

/** A new {@link Constant}; `constant(0.1)` and `constant({ value: 0.1 })` are the same. */
export function constant(args?: ConstantArgs): Constant;
export function constant(value: number): Constant;
export function constant(...values: unknown[]): Constant {
  return new Constant(positionalOptions<ConstantArgs>(values, ['value'], 'Constant'));
}

/** A new {@link Identity}: `identity({ gain: 2 })` or `identity(2)`. */
export function identity(args?: IdentityArgs): Identity;
export function identity(gain: number): Identity;
export function identity(...values: unknown[]): Identity {
  return new Identity(positionalOptions<IdentityArgs>(values, ['gain'], 'Identity'));
}

/** A new {@link RandomUniform}: `randomUniform({ minval: -0.1, maxval: 0.1, seed: 1 })` or `randomUniform(-0.1, 0.1, 1)`. */
export function randomUniform(args?: RandomUniformArgs): RandomUniform;
export function randomUniform(minval: number, maxval?: number, seed?: number | null): RandomUniform;
export function randomUniform(...values: unknown[]): RandomUniform {
  return new RandomUniform(positionalOptions<RandomUniformArgs>(values, ['minval', 'maxval', 'seed'], 'RandomUniform'));
}

/** A new {@link RandomNormal}: `randomNormal({ stddev: 0.02 })` or `randomNormal(0, 0.02)`. */
export function randomNormal(args?: RandomNormalArgs): RandomNormal;
export function randomNormal(mean: number, stddev?: number, seed?: number | null): RandomNormal;
export function randomNormal(...values: unknown[]): RandomNormal {
  return new RandomNormal(positionalOptions<RandomNormalArgs>(values, ['mean', 'stddev', 'seed'], 'RandomNormal'));
}

/** A new {@link TruncatedNormal}: `truncatedNormal({ stddev: 0.02 })` or `truncatedNormal(0, 0.02)`. */
export function truncatedNormal(args?: RandomNormalArgs): TruncatedNormal;
export function truncatedNormal(mean: number, stddev?: number, seed?: number | null): TruncatedNormal;
export function truncatedNormal(...values: unknown[]): TruncatedNormal {
  return new TruncatedNormal(positionalOptions<RandomNormalArgs>(values, ['mean', 'stddev', 'seed'], 'TruncatedNormal'));
}

/** A new {@link Orthogonal}: `orthogonal({ gain: 1, seed: 3 })` or `orthogonal(1, 3)`. */
export function orthogonal(args?: OrthogonalArgs): Orthogonal;
export function orthogonal(gain: number, seed?: number | null): Orthogonal;
export function orthogonal(...values: unknown[]): Orthogonal {
  return new Orthogonal(positionalOptions<OrthogonalArgs>(values, ['gain', 'seed'], 'Orthogonal'));
}

/** A new {@link VarianceScaling}: `varianceScaling({ scale: 2, mode: 'fan_out', distribution: 'uniform' })`. */
export function varianceScaling(args?: VarianceScalingArgs): VarianceScaling;
export function varianceScaling(scale: number, mode?: VarianceScalingArgs['mode'], distribution?: VarianceScalingArgs['distribution'], seed?: number | null): VarianceScaling;
export function varianceScaling(...values: unknown[]): VarianceScaling {
  return new VarianceScaling(positionalOptions<VarianceScalingArgs>(values, ['scale', 'mode', 'distribution', 'seed'], 'VarianceScaling'));
}

/** A new {@link GlorotUniform}: `glorotUniform({ seed: 1 })` or `glorotUniform(1)` (Keras's `GlorotUniform(seed)`). */
export function glorotUniform(args?: SeedArgs): GlorotUniform;
export function glorotUniform(seed: number | null): GlorotUniform;
export function glorotUniform(...values: unknown[]): GlorotUniform {
  return new GlorotUniform(positionalOptions<SeedArgs>(values, ['seed'], 'GlorotUniform'));
}

/** A new {@link GlorotNormal}: `glorotNormal({ seed: 1 })` or `glorotNormal(1)` (Keras's `GlorotNormal(seed)`). */
export function glorotNormal(args?: SeedArgs): GlorotNormal;
export function glorotNormal(seed: number | null): GlorotNormal;
export function glorotNormal(...values: unknown[]): GlorotNormal {
  return new GlorotNormal(positionalOptions<SeedArgs>(values, ['seed'], 'GlorotNormal'));
}

/** A new {@link HeNormal}: `heNormal({ seed: 1 })` or `heNormal(1)` (Keras's `HeNormal(seed)`). */
export function heNormal(args?: SeedArgs): HeNormal;
export function heNormal(seed: number | null): HeNormal;
export function heNormal(...values: unknown[]): HeNormal {
  return new HeNormal(positionalOptions<SeedArgs>(values, ['seed'], 'HeNormal'));
}

/** A new {@link HeUniform}: `heUniform({ seed: 1 })` or `heUniform(1)` (Keras's `HeUniform(seed)`). */
export function heUniform(args?: SeedArgs): HeUniform;
export function heUniform(seed: number | null): HeUniform;
export function heUniform(...values: unknown[]): HeUniform {
  return new HeUniform(positionalOptions<SeedArgs>(values, ['seed'], 'HeUniform'));
}

/** A new {@link LecunNormal}: `lecunNormal({ seed: 1 })` or `lecunNormal(1)` (Keras's `LecunNormal(seed)`). */
export function lecunNormal(args?: SeedArgs): LecunNormal;
export function lecunNormal(seed: number | null): LecunNormal;
export function lecunNormal(...values: unknown[]): LecunNormal {
  return new LecunNormal(positionalOptions<SeedArgs>(values, ['seed'], 'LecunNormal'));
}

/** A new {@link LecunUniform}: `lecunUniform({ seed: 1 })` or `lecunUniform(1)` (Keras's `LecunUniform(seed)`). */
export function lecunUniform(args?: SeedArgs): LecunUniform;
export function lecunUniform(seed: number | null): LecunUniform;
export function lecunUniform(...values: unknown[]): LecunUniform {
  return new LecunUniform(positionalOptions<SeedArgs>(values, ['seed'], 'LecunUniform'));
}
