/**
 * Keras's weight regularizers: the `Regularizer` base, L1, L2 and L1L2 with tfjs-style factories,
 * and resolution by name or `{class_name, config}`.
 *
 * @packageDocumentation
 */
export { Regularizer } from './regularizer';
export { L1, l1 } from './l1';
export { L2, l2 } from './l2';
export { L1L2, l1l2, type L1L2Args } from './l1-l2';
export { getRegularizer, serializeRegularizer, registerRegularizer, type RegularizerIdentifier, type RegularizerClass } from './get-regularizer';
