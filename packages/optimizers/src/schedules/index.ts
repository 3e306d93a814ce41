export { LearningRateSchedule } from './learning-rate-schedule';
export { getSchedule, serializeSchedule, registerSchedule, type ScheduleClass } from './get-schedule';
export { StepDecay, type DecayArgs } from './step-decay';
export { ExponentialDecay, exponentialDecay } from './exponential-decay';
export { InverseTimeDecay, inverseTimeDecay } from './inverse-time-decay';
export { PiecewiseConstantDecay, piecewiseConstantDecay, type PiecewiseConstantDecayArgs } from './piecewise-constant-decay';
export { PolynomialDecay, polynomialDecay, type PolynomialDecayArgs } from './polynomial-decay';
export { CosineDecay, cosineDecay, type CosineDecayArgs } from './cosine-decay';
export { OneCycle, oneCycle, type OneCycleArgs } from './one-cycle';
