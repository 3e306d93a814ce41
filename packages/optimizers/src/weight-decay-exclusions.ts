import { type tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';

/** What `excludeFromWeightDecay` takes. */
export interface WeightDecayExclusionArgs {
  /** Variables to exclude. */
  variables?: readonly tf.Variable[];
  /** Parts of variable names to exclude (`bias`, `gamma`). */
  variableNames?: readonly string[];
}

/** The keys of {@link WeightDecayExclusionArgs}. */
// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
export const EXCLUSION_KEYS = optionKeys<WeightDecayExclusionArgs>({ variables: true, variableNames: true });

/**
 * The variables an optimizer keeps weight decay off (biases, normalization scales), as Keras's
 * `exclude_from_weight_decay`: variables given, and those whose name contains one of the names.
 *
 * @example
 * ```ts
 * const exclusions = new WeightDecayExclusions();
 * exclusions.set({ variableNames: ['bias'] });
 * exclusions.excludes(denseBias); // true
 * ```
 */
export class WeightDecayExclusions {
  private variables = new Set<tf.Variable>();
  private pattern: RegExp | null = null;

  /** Replaces the exclusions, as each call of Keras's does. */
  // Stryker disable next-line ArrayDeclaration: a default of ['Stryker was here'] adds a string, which a Set of variables never matches, or a name no variable carries
  set({ variables = [], variableNames = [] }: WeightDecayExclusionArgs): void {
    this.variables = new Set(variables);
    const escaped = variableNames.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = escaped.length > 0 ? new RegExp(escaped.join('|')) : null;
  }

  /** Whether `variable` is kept out of weight decay. */
  excludes(variable: tf.Variable): boolean {
    return this.variables.has(variable) || (this.pattern?.test(variable.name) ?? false);
  }
}
