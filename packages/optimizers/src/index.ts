/**
 * @dendrite/optimizers: Keras 3's optimizers (SGD, Adagrad, RMSprop, Adam, AdamW, Adamax, Nadam,
 * Adadelta, Ftrl, Lion, Adafactor; LossScaleOptimizer read from files as its inner optimizer)
 * and learning-rate schedules, with clipping, weight decay and state that resumes exactly.
 * Classes carry Keras's names; factories carry tfjs-layers' (`adam({learningRate: 0.01})`).
 *
 * @packageDocumentation
 */
export { MomentOptimizer } from './moment-optimizer';
export { Optimizer, type OptimizerArgs, type OptimizerDefaults } from './optimizer';
export type { WeightDecayExclusionArgs } from './weight-decay-exclusions';
export type { OptimizerState, SlotState } from './optimizer-state';
export type { Gradients, GradientPair } from './gradient-pairs';
export { type ClipOptions, clipGradients } from './clipping';
export type { BetaArgs } from './beta-arguments';
export { SGD, sgd, type SGDArgs } from './sgd';
export { Adagrad, adagrad, type AdagradArgs } from './adagrad';
export { RMSprop, rmsprop, type RMSpropArgs } from './rmsprop';
export { Adam, adam, type AdamArgs } from './adam';
export { AdamW, adamw } from './adamw';
export { Adamax, adamax, type AdamaxArgs } from './adamax';
export { Nadam, nadam, type NadamArgs } from './nadam';
export { Adadelta, adadelta, type AdadeltaArgs } from './adadelta';
export { Ftrl, ftrl, type FtrlArgs } from './ftrl';
export { Lion, lion, type LionArgs } from './lion';
export { Adafactor, adafactor, type AdafactorArgs } from './adafactor';
export { lossScaleOptimizerFromConfig, type LossScaleOptimizerConfig } from './loss-scale-optimizer';
export { get, serialize, registerOptimizer, LossScaleOptimizer, type OptimizerIdentifier, type OptimizerName, type KerasOptimizerName, type CustomOptimizers, type OptimizerClass } from './get-optimizer';
export * from './schedules/index';
