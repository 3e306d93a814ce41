/**
 * Activation layers: `Activation` (any activation by name) and Keras's layers with options or
 * weights of their own (ReLU, LeakyReLU, ELU, PReLU, Softmax, ThresholdedReLU).
 *
 * @packageDocumentation
 */
export { Activation, activation, type ActivationArgs } from './activation';
export { ReLU, reLU, type ReLUArgs } from './relu';
export { LeakyReLU, leakyReLU, type LeakyReLUArgs } from './leaky-relu';
export { ELU, elu, type ELUArgs } from './elu';
export { PReLU, pReLU, type PReLUArgs } from './prelu';
export { Softmax, softmax, type SoftmaxArgs } from './softmax';
export { ThresholdedReLU, thresholdedReLU, type ThresholdedReLUArgs } from './thresholded-relu';
