/**
 * One hyperparameter of a search space, as KerasTuner's `Int`, `Float`, `Choice`, `Boolean` and
 * `Fixed`: its range, its default, and the map between a value and a probability in [0, 1) that
 * the oracles sample and the Gaussian process models.
 */

/** A value a hyperparameter takes. */
export type HyperParameterValue = number | string | boolean;

/** How a numeric range is sampled: uniformly, uniformly in log space, or denser near the maximum. */
export type Sampling = 'linear' | 'log' | 'reverse_log';

/** A condition on a parent hyperparameter: active when the parent's value is one of `values`. */
export interface Condition {
  /** The parent's name. */
  name: string;
  /** The parent values for which the child is active. */
  values: HyperParameterValue[];
}

interface Common {
  /** The name, unique in a search space. */
  name: string;
  /** The value used before the oracle picks one. */
  default: HyperParameterValue;
  /** The conditional scopes it was declared in. */
  conditions: Condition[];
}

/** `hp.int`: integers in [minValue, maxValue], with a step (1) and a sampling. */
export interface IntDefinition extends Common {
  kind: 'int';
  minValue: number;
  maxValue: number;
  step?: number;
  sampling: Sampling;
  default: number;
}

/** `hp.float`: numbers in [minValue, maxValue], continuous or with a step. */
export interface FloatDefinition extends Common {
  kind: 'float';
  minValue: number;
  maxValue: number;
  step?: number;
  sampling: Sampling;
  default: number;
}

/** `hp.choice`: one of a list of values, all of one type. */
export interface ChoiceDefinition extends Common {
  kind: 'choice';
  values: HyperParameterValue[];
  ordered: boolean;
}

/** `hp.boolean`. */
export interface BooleanDefinition extends Common {
  kind: 'boolean';
  default: boolean;
}

/** `hp.fixed`: a constant recorded with the trial. */
export interface FixedDefinition extends Common {
  kind: 'fixed';
  value: HyperParameterValue;
}

/** Any hyperparameter definition (plain data: it is saved in the project directory as is). */
export type HyperParameterDefinition = IntDefinition | FloatDefinition | ChoiceDefinition | BooleanDefinition | FixedDefinition;

function numericValue(definition: IntDefinition | FloatDefinition, probability: number, maxValue: number): number {
  const { minValue, sampling } = definition;
  if (sampling === 'linear') return probability * (maxValue - minValue) + minValue;
  if (sampling === 'log') return minValue * (maxValue / minValue) ** probability;
  return maxValue + minValue - minValue * (maxValue / minValue) ** (1 - probability);
}

/** How many values a stepped range holds, as KerasTuner's `_get_n_values`. */
export function steppedValueCount(definition: IntDefinition | FloatDefinition): number {
  const { minValue, maxValue, sampling } = definition;
  const step = definition.step ?? 1;
  if (sampling === 'linear') return Math.floor((maxValue - minValue) / step + 1e-8) + 1;
  return Math.floor(Math.log(maxValue / minValue) / Math.log(step) + 1e-8) + 1;
}

function steppedValue(definition: IntDefinition | FloatDefinition, index: number): number {
  const step = definition.step ?? 1;
  return definition.sampling === 'linear' ? definition.minValue + index * step : definition.minValue * step ** index;
}

/**
 * The value at `probability` in [0, 1) of a hyperparameter's range, as KerasTuner's `prob_to_value`.
 *
 * @example `probabilityToValue(int(min 1, max 3), 0.5)` is 2
 */
export function probabilityToValue(definition: HyperParameterDefinition, probability: number): HyperParameterValue {
  switch (definition.kind) {
    case 'fixed':
      return definition.value;
    case 'boolean':
      return probability >= 0.5;
    case 'choice':
      return definition.values[Math.min(Math.floor(probability * definition.values.length), definition.values.length - 1)];
    case 'int':
      if (definition.step === undefined) return Math.min(Math.floor(numericValue(definition, probability, definition.maxValue + 1)), definition.maxValue);
      return Math.round(steppedValue(definition, Math.min(Math.floor(probability * steppedValueCount(definition)), steppedValueCount(definition) - 1)));
    case 'float':
      if (definition.step === undefined) return numericValue(definition, probability, definition.maxValue);
      return steppedValue(definition, Math.min(Math.floor(probability * steppedValueCount(definition)), steppedValueCount(definition) - 1));
  }
}

/** The probability of a value, the inverse of {@link probabilityToValue} (the centre of its cell for discrete values). */
export function valueToProbability(definition: HyperParameterDefinition, value: HyperParameterValue): number {
  switch (definition.kind) {
    case 'fixed':
      return 0.5;
    case 'boolean':
      return value ? 0.75 : 0.25;
    case 'choice': {
      const index = Math.max(0, definition.values.indexOf(value));
      return (index + 0.5) / definition.values.length;
    }
    case 'int':
    case 'float': {
      const count = definition.step !== undefined ? steppedValueCount(definition) : undefined;
      if (count !== undefined) {
        const index = definition.sampling === 'linear'
          ? Math.round(((value as number) - definition.minValue) / (definition.step ?? 1))
          : Math.round(Math.log((value as number) / definition.minValue) / Math.log(definition.step ?? 1));
        return (index + 0.5) / count;
      }
      const maxValue = definition.kind === 'int' ? definition.maxValue + 1 : definition.maxValue;
      const { minValue, sampling } = definition;
      const numeric = definition.kind === 'int' ? (value as number) + 0.5 : (value as number);
      if (sampling === 'linear') return (numeric - minValue) / (maxValue - minValue);
      if (sampling === 'log') return Math.log(numeric / minValue) / Math.log(maxValue / minValue);
      return 1 - Math.log((maxValue + minValue - numeric) / minValue) / Math.log(maxValue / minValue);
    }
  }
}

/**
 * Every value of a hyperparameter, in order, for the grid search.
 *
 * @throws RangeError for a float without a step (a continuous range has no grid)
 */
export function gridValues(definition: HyperParameterDefinition): HyperParameterValue[] {
  switch (definition.kind) {
    case 'fixed':
      return [definition.value];
    case 'boolean':
      return [false, true];
    case 'choice':
      return [...definition.values];
    case 'int':
    case 'float': {
      if (definition.kind === 'float' && definition.step === undefined) {
        throw new RangeError(`Expected a step for float hyperparameter "${definition.name}" in a grid search, received none (a continuous range has no grid)`);
      }
      return Array.from({ length: steppedValueCount(definition) }, (_, index) => steppedValue(definition, index));
    }
  }
}
