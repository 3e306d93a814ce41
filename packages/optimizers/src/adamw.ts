import { optionKeys } from '@dendrite/backend/internal';
import { Adam, type AdamArgs } from './adam';
import { factoryArgs } from './factory-args';

/**
 * AdamW, as Keras 3's: {@link Adam} with decoupled weight decay, `w ← w − w·λ·η` before each
 * Adam update (λ = `weightDecay`, 0.004 by default). Exclude biases and normalization scales
 * with `excludeFromWeightDecay`.
 *
 * @example
 * ```ts
 * const optimizer = new AdamW({ learningRate: 0.001, weightDecay: 0.01 });
 * optimizer.excludeFromWeightDecay({ variableNames: ['bias', 'gamma', 'beta'] });
 * ```
 */
export class AdamW extends Adam {
  static override className = 'AdamW';
  static override readonly optionKeys = optionKeys<AdamArgs, AdamArgs>({});

  /** @throws Error naming an argument out of range (weightDecay < 0, a β outside [0, 1)…) */
  constructor(args: AdamArgs = {}) {
    super(args, { learningRate: 0.001, name: 'adamw', weightDecay: 0.004 });
  }
}

/**
 * Makes an {@link AdamW} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`adamw(0.001)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function adamw(args: AdamArgs | number = {}): AdamW {
  return new AdamW(factoryArgs(args, arguments.length, 'adamw'));
}
