/**
 * Keras's initializers: the `Initializer` base, constant and random initializers (seeded by
 * their own `seed` or by `setSeed` of `@dendrite/backend`), tfjs-style factories, and resolution
 * by name or `{class_name, config}`.
 *
 * @packageDocumentation
 */
export { Initializer } from './initializer';
export { RandomInitializer } from './random-initializer';
export { computeFans } from './compute-fans';
export { Zeros } from './zeros';
export { Ones } from './ones';
export { Constant, type ConstantArgs } from './constant';
export { Identity, type IdentityArgs } from './identity';
export { RandomUniform, type RandomUniformArgs } from './random-uniform';
export { RandomNormal, type RandomNormalArgs } from './random-normal';
export { TruncatedNormal } from './truncated-normal';
export { VarianceScaling, TRUNCATION_CORRECTION, type VarianceScalingArgs, type FanMode, type ScalingDistribution } from './variance-scaling';
export { GlorotUniform, GlorotNormal, HeNormal, HeUniform, LecunNormal, LecunUniform, type SeedArgs } from './variance-scaling-presets';
export { Orthogonal, type OrthogonalArgs } from './orthogonal';
export {
  zeros,
  ones,
  constant,
  identity,
  randomUniform,
  randomNormal,
  truncatedNormal,
  orthogonal,
  varianceScaling,
  glorotUniform,
  glorotNormal,
  heNormal,
  heUniform,
  lecunNormal,
  lecunUniform,
} from './factories';
export { getInitializer, serializeInitializer, registerInitializer, initializerNames, type InitializerIdentifier, type InitializerClass } from './get-initializer';
