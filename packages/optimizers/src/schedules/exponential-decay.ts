import { optionKeys } from '@dendrite/backend/internal';
import { type DecayArgs, StepDecay } from './step-decay';

/**
 * Exponential decay, as Keras's `ExponentialDecay`: `lr0 · decayRate^(step / decaySteps)`, the
 * exponent floored with `staircase`. This is exponential scheduling
 * `η(t) = η₀ · 0.1^(t/s)` with `decayRate: 0.1, decaySteps: s`.
 *
 * @example
 * ```ts
 * sgd({ learningRate: exponentialDecay({ initialLearningRate: 0.01, decaySteps: 1000, decayRate: 0.1 }) });
 * ```
 */
export class ExponentialDecay extends StepDecay {
  static override className = 'ExponentialDecay';
  static override readonly optionKeys = optionKeys<DecayArgs, DecayArgs>({});
  protected decayed(progress: number): number {
    return this.initialLearningRate * this.decayRate ** progress;
  }
}

/**
 * Makes an {@link ExponentialDecay}.
 *
 * @throws Error naming an argument out of range
 */
export function exponentialDecay(args: DecayArgs): ExponentialDecay {
  return new ExponentialDecay(args);
}
