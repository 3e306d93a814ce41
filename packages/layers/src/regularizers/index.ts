export { Regularizer, L1L2, L1, L2, getRegularizer, serializeRegularizer, l1, l2, l1l2, type RegularizerIdentifier } from './regularizer';
