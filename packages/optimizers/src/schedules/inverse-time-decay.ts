import { optionKeys } from '@dendrite/backend/internal';
import { type DecayArgs, StepDecay } from './step-decay';

/**
 * Inverse time decay, as Keras's `InverseTimeDecay`: `lr0 / (1 + decayRate · step / decaySteps)`,
 * the quotient floored with `staircase`. This is power scheduling
 * `η(t) = η₀ / (1 + t/s)` (with c = 1) as `decayRate: 1, decaySteps: s`.
 *
 * @example
 * ```ts
 * sgd({ learningRate: inverseTimeDecay({ initialLearningRate: 0.01, decaySteps: 10000, decayRate: 1 }) });
 * ```
 */
export class InverseTimeDecay extends StepDecay {
  static override className = 'InverseTimeDecay';
  static override readonly optionKeys = optionKeys<DecayArgs, DecayArgs>({});
  protected decayed(progress: number): number {
    return this.initialLearningRate / (1 + this.decayRate * progress);
  }
}

/**
 * Makes an {@link InverseTimeDecay}.
 *
 * @throws Error naming an argument out of range
 */
export function inverseTimeDecay(args: DecayArgs): InverseTimeDecay {
  return new InverseTimeDecay(args);
}
