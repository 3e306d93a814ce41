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
 * `new GlorotUniform({ seed: 1 })`. Each throws what its class's constructor throws.
 */

/** A new {@link Zeros}: `dense({ units: 4, biasInitializer: zeros() })`. */
export const zeros = (): Zeros => new Zeros();
/** A new {@link Ones}: `ones().call([3])`. */
export const ones = (): Ones => new Ones();
/** A new {@link Constant}; `constant(0.1)` and `constant({ value: 0.1 })` are the same. */
export const constant = (args: number | ConstantArgs = {}): Constant => new Constant(typeof args === 'number' ? { value: args } : args);
/** A new {@link Identity}: `identity({ gain: 2 })`. */
export const identity = (args: IdentityArgs = {}): Identity => new Identity(args);
/** A new {@link RandomUniform}: `randomUniform({ minval: -0.1, maxval: 0.1, seed: 1 })`. */
export const randomUniform = (args: RandomUniformArgs = {}): RandomUniform => new RandomUniform(args);
/** A new {@link RandomNormal}: `randomNormal({ stddev: 0.02 })`. */
export const randomNormal = (args: RandomNormalArgs = {}): RandomNormal => new RandomNormal(args);
/** A new {@link TruncatedNormal}: `truncatedNormal({ stddev: 0.02 })`. */
export const truncatedNormal = (args: RandomNormalArgs = {}): TruncatedNormal => new TruncatedNormal(args);
/** A new {@link Orthogonal}: `orthogonal({ gain: 1, seed: 3 })`. */
export const orthogonal = (args: OrthogonalArgs = {}): Orthogonal => new Orthogonal(args);
/** A new {@link VarianceScaling}: `varianceScaling({ scale: 2, mode: 'fan_out', distribution: 'uniform' })`. */
export const varianceScaling = (args: VarianceScalingArgs = {}): VarianceScaling => new VarianceScaling(args);
/** A new {@link GlorotUniform}: `glorotUniform({ seed: 1 })`. */
export const glorotUniform = (args: SeedArgs = {}): GlorotUniform => new GlorotUniform(args);
/** A new {@link GlorotNormal}. */
export const glorotNormal = (args: SeedArgs = {}): GlorotNormal => new GlorotNormal(args);
/** A new {@link HeNormal}. */
export const heNormal = (args: SeedArgs = {}): HeNormal => new HeNormal(args);
/** A new {@link HeUniform}. */
export const heUniform = (args: SeedArgs = {}): HeUniform => new HeUniform(args);
/** A new {@link LecunNormal}. */
export const lecunNormal = (args: SeedArgs = {}): LecunNormal => new LecunNormal(args);
/** A new {@link LecunUniform}. */
export const lecunUniform = (args: SeedArgs = {}): LecunUniform => new LecunUniform(args);
