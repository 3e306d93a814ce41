export { Constraint, MaxNorm, NonNeg, UnitNorm, MinMaxNorm, getConstraint, serializeConstraint, maxNorm, nonNeg, unitNorm, minMaxNorm, type ConstraintIdentifier } from './constraint';
