/**
 * Keras's activations as functions from a tensor to a tensor, with name resolution
 * (`getActivation`), serialization and the table of activations tfjs can fuse into Dense/Conv.
 *
 * @packageDocumentation
 */
export type { Activation } from './activation';
export { linear } from './linear';
export { sigmoid } from './sigmoid';
export { hardSigmoid } from './hard-sigmoid';
export { legacyHardSigmoid } from './legacy-hard-sigmoid';
export { tanh } from './tanh';
export { relu, reluWith, type ReluOptions } from './relu';
export { relu6 } from './relu6';
export { elu } from './elu';
export { selu, SELU_ALPHA, SELU_SCALE } from './selu';
export { leakyRelu } from './leaky-relu';
export { softmax } from './softmax';
export { logSoftmax } from './log-softmax';
export { softplus } from './softplus';
export { softsign } from './softsign';
export { silu, swish } from './silu';
export { hardSilu, hardSwish } from './hard-silu';
export { gelu, geluApproximate } from './gelu';
export { exponential } from './exponential';
export { mish } from './mish';
export { getActivation, serializeActivation, registerActivation, activationName, activationNames, type ActivationIdentifier, type ActivationName, type KerasActivationName, type CustomActivations } from './get-activation';
export { FUSABLE_ACTIVATIONS, fusedActivationOf, type FusedActivation } from './fusable-activations';
