import { Constant, Identity, Ones, Zeros } from './constant-initializers';
import { Orthogonal, RandomNormal, type RandomNormalArgs, RandomUniform, type RandomUniformArgs, TruncatedNormal } from './random-initializers';
import { GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VarianceScaling, type VarianceScalingArgs } from './variance-scaling';

type Seeded = { seed?: number };

/** Factories in TF.js spelling: `initializers.glorotUniform({seed: 1})`. */
export const zeros = () => new Zeros();
export const ones = () => new Ones();
export const constant = (args: { value?: number } = {}) => new Constant(args);
export const identity = (args: { gain?: number } = {}) => new Identity(args);
export const randomUniform = (args: RandomUniformArgs = {}) => new RandomUniform(args);
export const randomNormal = (args: RandomNormalArgs = {}) => new RandomNormal(args);
export const truncatedNormal = (args: RandomNormalArgs = {}) => new TruncatedNormal(args);
export const orthogonal = (args: { gain?: number; seed?: number } = {}) => new Orthogonal(args);
export const varianceScaling = (args: VarianceScalingArgs = {}) => new VarianceScaling(args);
export const glorotUniform = (args: Seeded = {}) => new GlorotUniform(args);
export const glorotNormal = (args: Seeded = {}) => new GlorotNormal(args);
export const heNormal = (args: Seeded = {}) => new HeNormal(args);
export const heUniform = (args: Seeded = {}) => new HeUniform(args);
export const lecunNormal = (args: Seeded = {}) => new LecunNormal(args);
export const lecunUniform = (args: Seeded = {}) => new LecunUniform(args);
