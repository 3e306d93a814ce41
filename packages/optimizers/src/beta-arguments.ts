import { FRACTION, NON_NEGATIVE, checkNumber } from '@dendrite/backend/internal';

/** The moment-decay arguments Adam, AdamW, Adamax and Nadam share. */
export interface BetaArgs {
  /** β₁: decay of the first moment (the gradients' running mean), in [0, 1). Default 0.9. */
  beta1?: number;
  /** β₂: decay of the second moment (the squared gradients' running mean, or Adamax's norm), in [0, 1). Default 0.999. */
  beta2?: number;
  /** ε: added to the denominator, Keras's "epsilon hat". Default 1e-7. */
  epsilon?: number;
}

/**
 * Checks {@link BetaArgs} and fills Keras's defaults.
 *
 * @param owner for messages: `optimizer "adam"`
 * @throws Error `Expected beta1 to be a number in [0, 1), received 1 in optimizer "adam"`
 */
export function resolveBetaArgs(args: BetaArgs, owner: string): Required<BetaArgs> {
  return {
    beta1: checkNumber(args.beta1 ?? 0.9, 'beta1', owner, FRACTION),
    beta2: checkNumber(args.beta2 ?? 0.999, 'beta2', owner, FRACTION),
    epsilon: checkNumber(args.epsilon ?? 1e-7, 'epsilon', owner, NON_NEGATIVE),
  };
}
