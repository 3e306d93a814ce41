/**
 * @dendrite/optimizers: Keras's optimizers and learning-rate schedules.
 *
 * @packageDocumentation
 */
import { Adagrad, type AdagradArgs } from './adagrad';
import { Adam, type AdamArgs, Adamax, AdamW } from './adam';
import { Nadam } from './nadam';
import { RMSprop, type RMSpropArgs } from './rmsprop';
import { SGD, type SGDArgs } from './sgd';

export { Optimizer, type OptimizerArgs, type OptimizerState, type SlotState, type Gradients } from './optimizer';
export { type ClipOptions, clipGradients } from './clipping';
export { SGD, type SGDArgs } from './sgd';
export { Adagrad, type AdagradArgs } from './adagrad';
export { RMSprop, type RMSpropArgs } from './rmsprop';
export { Adam, AdamW, Adamax, type AdamArgs } from './adam';
export { Nadam } from './nadam';
export { get, serialize, registerOptimizer, type OptimizerIdentifier } from './get-optimizer';
export * from './schedules/index';

/** Factories in TF.js spelling: `adam({learningRate: 0.01})`. */
export const sgd = (args: SGDArgs = {}) => new SGD(args);
export const adagrad = (args: AdagradArgs = {}) => new Adagrad(args);
export const rmsprop = (args: RMSpropArgs = {}) => new RMSprop(args);
export const adam = (args: AdamArgs = {}) => new Adam(args);
export const adamax = (args: AdamArgs = {}) => new Adamax(args);
export const nadam = (args: AdamArgs = {}) => new Nadam(args);
export const adamw = (args: AdamArgs = {}) => new AdamW(args);
