export { LearningRateSchedule, getSchedule, serializeSchedule } from './learning-rate-schedule';
export { ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, PolynomialDecay, CosineDecay, type DecayArgs } from './decay-schedules';
export { OneCycle, type OneCycleArgs } from './one-cycle';
import { CosineDecay, type DecayArgs, ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, PolynomialDecay } from './decay-schedules';
import { OneCycle, type OneCycleArgs } from './one-cycle';

/** Factories in TF.js spelling. */
export const exponentialDecay = (args: DecayArgs) => new ExponentialDecay(args);
export const inverseTimeDecay = (args: DecayArgs) => new InverseTimeDecay(args);
export const piecewiseConstantDecay = (args: { boundaries: number[]; values: number[] }) => new PiecewiseConstantDecay(args);
export const polynomialDecay = (args: ConstructorParameters<typeof PolynomialDecay>[0]) => new PolynomialDecay(args);
export const cosineDecay = (args: ConstructorParameters<typeof CosineDecay>[0]) => new CosineDecay(args);
export const oneCycle = (args: OneCycleArgs) => new OneCycle(args);
