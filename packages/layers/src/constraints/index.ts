/**
 * Keras's weight constraints: the `Constraint` base, MaxNorm, NonNeg, UnitNorm and MinMaxNorm
 * with tfjs-style factories, and resolution by name or `{class_name, config}`.
 *
 * @packageDocumentation
 */
export { Constraint } from './constraint';
export { MaxNorm, maxNorm, type MaxNormArgs } from './max-norm';
export { NonNeg, nonNeg } from './non-neg';
export { UnitNorm, unitNorm, type UnitNormArgs } from './unit-norm';
export { MinMaxNorm, minMaxNorm, type MinMaxNormArgs } from './min-max-norm';
export { EPSILON, type NormAxis } from './norms';
export { getConstraint, serializeConstraint, registerConstraint, type ConstraintIdentifier, type ConstraintClass } from './get-constraint';
