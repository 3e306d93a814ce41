import type { tf } from '@dendrite/backend';

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
  set({ variables = [], variableNames = [] }: { variables?: readonly tf.Variable[]; variableNames?: readonly string[] }): void {
    this.variables = new Set(variables);
    const escaped = variableNames.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = escaped.length > 0 ? new RegExp(escaped.join('|')) : null;
  }

  /** Whether `variable` is kept out of weight decay. */
  excludes(variable: tf.Variable): boolean {
    return this.variables.has(variable) || (this.pattern?.test(variable.name) ?? false);
  }
}
