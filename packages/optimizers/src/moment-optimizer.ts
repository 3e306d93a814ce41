import { optionKeys } from '@dendrite/backend/internal';
import { type BetaArgs, resolveBetaArgs } from './beta-arguments';
import { Optimizer, type OptimizerArgs, type OptimizerDefaults } from './optimizer';

/**
 * The base of the Adam family (Adam, AdamW, Adamax, Nadam): β₁, β₂ and ε, checked once with
 * Keras's defaults, and their part of the config.
 */
export abstract class MomentOptimizer extends Optimizer {
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<BetaArgs>({ beta1: true, beta2: true, epsilon: true });
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  /** @throws Error naming an argument out of range (a β outside [0, 1)…) */
  constructor(args: OptimizerArgs & BetaArgs, defaults: OptimizerDefaults) {
    super(args, defaults);
    ({ beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon } = resolveBetaArgs(args, this.owner));
  }

  protected ownConfig(): Record<string, unknown> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
