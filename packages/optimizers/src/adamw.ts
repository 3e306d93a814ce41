import { Adam, type AdamArgs } from './adam';

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

  /** @throws Error naming an argument out of range (weightDecay < 0, a β outside [0, 1)…) */
  constructor(args: AdamArgs = {}) {
    super({ ...args, name: args.name ?? 'adamw', weightDecay: args.weightDecay ?? 0.004 });
  }
}

/** Makes an {@link AdamW} optimizer (tfjs-layers spelling). */
export function adamw(args: AdamArgs = {}): AdamW {
  return new AdamW(args);
}
