/**
 * Merge layers: they take a list of tensors (`expectsListInput`) and return one. Add, Subtract,
 * Multiply, Average, Maximum and Minimum broadcast as Keras's element-wise merges; Concatenate
 * joins along an axis; Dot takes batched dot products.
 *
 * @packageDocumentation
 */
export { Merge, type InputMasks } from './base-merge';
export { Add, add } from './add';
export { Subtract, subtract } from './subtract';
export { Multiply, multiply } from './multiply';
export { Average, average } from './average';
export { Maximum, maximum } from './maximum';
export { Minimum, minimum } from './minimum';
export { Concatenate, concatenate, type ConcatenateArgs } from './concatenate';
export { Dot, dot, type DotArgs } from './dot';
