export { Initializer, computeFans } from './initializer';
export { Zeros, Ones, Constant, Identity } from './constant-initializers';
export { RandomUniform, RandomNormal, TruncatedNormal, Orthogonal, type RandomUniformArgs, type RandomNormalArgs } from './random-initializers';
export {
  VarianceScaling,
  GlorotUniform,
  GlorotNormal,
  HeNormal,
  HeUniform,
  LecunNormal,
  LecunUniform,
  type VarianceScalingArgs,
  type FanMode,
  type ScalingDistribution,
} from './variance-scaling';
export { getInitializer, serializeInitializer, registerInitializer, type InitializerIdentifier } from './get-initializer';
export * from './factories';
