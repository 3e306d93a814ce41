import { checkOptionKeys, describeValue, optionKeys } from '@dendrite/backend/internal';
import type { Condition, HyperParameterDefinition, HyperParameterValue, Sampling } from './hyperparameter';

/** Options of {@link HyperParameters.int}, KerasTuner's `hp.Int` arguments. */
export interface IntOptions {
  /** The smallest value (inclusive). */
  minValue: number;
  /** The largest value (inclusive). */
  maxValue: number;
  /** The step between values (1); with `log` sampling, the factor between values. */
  step?: number;
  /** `linear` (default), `log` or `reverse_log`. */
  sampling?: Sampling;
  /** The value before the oracle picks one (minValue). */
  default?: number;
  /** Declares it inside a conditional scope on this parent (see {@link HyperParameters.conditionalScope}). */
  parentName?: string;
  /** The parent values for which it is active. */
  parentValues?: HyperParameterValue[];
}

/** Options of {@link HyperParameters.float}, KerasTuner's `hp.Float` arguments. */
export interface FloatOptions extends Omit<IntOptions, 'sampling'> {
  /** `linear` (default), `log` (scipy's `reciprocal`, also accepted by that name) or `reverse_log`. */
  sampling?: Sampling | 'reciprocal';
}

/** Options of {@link HyperParameters.choice}. */
export interface ChoiceOptions {
  /** Whether the values are ordered (true for numbers). */
  ordered?: boolean;
  /** The value before the oracle picks one (the first). */
  default?: HyperParameterValue;
  /** Conditional scope parent. */
  parentName?: string;
  /** Conditional scope parent values. */
  parentValues?: HyperParameterValue[];
}

/** Options of {@link HyperParameters.boolean}. */
export interface BooleanOptions {
  /** The value before the oracle picks one (false). */
  default?: boolean;
  /** Conditional scope parent. */
  parentName?: string;
  /** Conditional scope parent values. */
  parentValues?: HyperParameterValue[];
}

const INT_KEYS = optionKeys<IntOptions>({ minValue: true, maxValue: true, step: true, sampling: true, default: true, parentName: true, parentValues: true });
const CHOICE_KEYS = optionKeys<ChoiceOptions>({ ordered: true, default: true, parentName: true, parentValues: true });
const BOOLEAN_KEYS = optionKeys<BooleanOptions>({ default: true, parentName: true, parentValues: true });
const SAMPLINGS = ['linear', 'log', 'reverse_log', 'reciprocal'];

/**
 * A search space and the values of one trial, as KerasTuner's `HyperParameters`: `buildModel(hp)`
 * declares each hyperparameter where it uses it and gets the trial's value back (the default the
 * first time the space is seen).
 *
 * @example
 * ```ts
 * function buildModel(hp: HyperParameters) {
 *   const model = dn.sequential();
 *   model.add(dn.layers.dense({ units: hp.int('units', { minValue: 32, maxValue: 512, step: 32 }), activation: 'relu', inputShape: [8] }));
 *   model.add(dn.layers.dense({ units: 1 }));
 *   model.compile({ optimizer: dn.optimizers.adam({ learningRate: hp.float('lr', { minValue: 1e-4, maxValue: 1e-2, sampling: 'log' }) }), loss: 'mse' });
 *   return model;
 * }
 * ```
 */
export class HyperParameters {
  /** The definitions, in the order they were first declared (parents before children). */
  readonly space: HyperParameterDefinition[] = [];
  /** The values of the active hyperparameters. */
  values: Record<string, HyperParameterValue> = {};
  private readonly scopes: Condition[] = [];

  /**
   * An integer hyperparameter.
   *
   * @returns its value in this trial (the default when inactive or not yet sampled)
   * @throws RangeError when minValue > maxValue or the step is not positive; TypeError for an unknown option
   */
  int(name: string, options: IntOptions): number {
    checkOptionKeys(options, INT_KEYS, `hp.int("${name}")`);
    this.checkRange(name, options);
    if (!Number.isInteger(options.minValue) || !Number.isInteger(options.maxValue)) {
      throw new TypeError(`Expected integer minValue and maxValue for hp.int("${name}"), received ${options.minValue} and ${options.maxValue}`);
    }
    const sampling = checkedSampling(name, options.sampling);
    return this.declare(options, { kind: 'int', name, minValue: options.minValue, maxValue: options.maxValue, step: options.step, sampling, default: options.default ?? options.minValue, conditions: [] }) as number;
  }

  /**
   * A floating-point hyperparameter.
   *
   * @returns its value in this trial
   * @throws RangeError for an empty range, a non-positive step, or a log range reaching 0
   */
  float(name: string, options: FloatOptions): number {
    checkOptionKeys(options, INT_KEYS, `hp.float("${name}")`);
    this.checkRange(name, options);
    const sampling = checkedSampling(name, options.sampling);
    return this.declare(options, { kind: 'float', name, minValue: options.minValue, maxValue: options.maxValue, step: options.step, sampling, default: options.default ?? options.minValue, conditions: [] }) as number;
  }

  /**
   * One of a list of values.
   *
   * @throws RangeError for an empty list or a default not in it; TypeError for values of mixed types
   */
  choice<T extends HyperParameterValue>(name: string, values: readonly T[], options: ChoiceOptions = {}): T {
    checkOptionKeys(options, CHOICE_KEYS, `hp.choice("${name}")`);
    if (!Array.isArray(values) || values.length === 0) throw new RangeError(`Expected a non-empty list of values for hp.choice("${name}"), received ${describeValue(values)}`);
    const types = new Set(values.map((value) => typeof value));
    if (types.size > 1) throw new TypeError(`Expected values of one type for hp.choice("${name}"), received ${[...types].join(' and ')}`);
    if (options.default !== undefined && !values.includes(options.default as T)) {
      throw new RangeError(`Expected the default of hp.choice("${name}") to be one of its values, received ${describeValue(options.default)}`);
    }
    const ordered = options.ordered ?? typeof values[0] === 'number';
    return this.declare(options, { kind: 'choice', name, values: [...values], ordered, default: options.default ?? values[0], conditions: [] }) as T;
  }

  /** True or false. */
  boolean(name: string, options: BooleanOptions = {}): boolean {
    checkOptionKeys(options, BOOLEAN_KEYS, `hp.boolean("${name}")`);
    return this.declare(options, { kind: 'boolean', name, default: options.default ?? false, conditions: [] }) as boolean;
  }

  /** A constant, recorded with each trial's values. */
  fixed<T extends HyperParameterValue>(name: string, value: T, options: Pick<BooleanOptions, 'parentName' | 'parentValues'> = {}): T {
    return this.declare(options, { kind: 'fixed', name, value, default: value, conditions: [] }) as T;
  }

  /**
   * Runs `body` with the hyperparameters it declares active only when `parentName`'s value is one
   * of `parentValues`, as KerasTuner's `with hp.conditional_scope(...)`.
   *
   * @throws RangeError when the parent is not declared
   */
  conditionalScope<T>(parentName: string, parentValues: HyperParameterValue | HyperParameterValue[], body: () => T): T {
    if (!this.space.some((definition) => definition.name === parentName)) {
      throw new RangeError(`Expected the parent of a conditional scope to be declared first, received "${parentName}"`);
    }
    this.scopes.push({ name: parentName, values: Array.isArray(parentValues) ? parentValues : [parentValues] });
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  /** Whether a hyperparameter's conditions hold for the current values. */
  isActive(nameOrDefinition: string | HyperParameterDefinition): boolean {
    const definition = typeof nameOrDefinition === 'string' ? this.definition(nameOrDefinition) : nameOrDefinition;
    if (definition === undefined) return false;
    return definition.conditions.every((condition) => {
      const parent = this.definition(condition.name);
      return parent !== undefined && this.isActive(parent) && condition.values.includes(this.valueOf(parent));
    });
  }

  /**
   * The value of a hyperparameter.
   *
   * @throws RangeError when none of that name is declared
   */
  get(name: string): HyperParameterValue {
    const definition = this.definition(name);
    if (definition === undefined) throw new RangeError(`Expected a declared hyperparameter, received "${name}"; declared: ${this.space.map((entry) => entry.name).join(', ') || 'none'}`);
    return this.valueOf(definition);
  }

  /** The definition of that name. */
  definition(name: string): HyperParameterDefinition | undefined {
    return this.space.find((definition) => definition.name === name);
  }

  /** Adds definitions this space does not hold yet (the oracle learns the space from each build). */
  merge(definitions: readonly HyperParameterDefinition[]): void {
    for (const definition of definitions) if (this.definition(definition.name) === undefined) this.space.push(definition);
  }

  /** A copy with its own space list and values. */
  copy(): HyperParameters {
    const copy = new HyperParameters();
    copy.merge(this.space);
    copy.values = { ...this.values };
    return copy;
  }

  /** The values of the active hyperparameters only (what a trial records). */
  activeValues(): Record<string, HyperParameterValue> {
    const values: Record<string, HyperParameterValue> = {};
    for (const definition of this.space) if (this.isActive(definition)) values[definition.name] = this.valueOf(definition);
    for (const [name, value] of Object.entries(this.values)) if (name.startsWith('tuner/')) values[name] = value;
    return values;
  }

  private valueOf(definition: HyperParameterDefinition): HyperParameterValue {
    return this.values[definition.name] ?? definition.default;
  }

  private declare(options: { parentName?: string; parentValues?: HyperParameterValue[] }, definition: HyperParameterDefinition): HyperParameterValue {
    const existing = this.definition(definition.name);
    if (existing !== undefined) return this.valueOf(existing);
    definition.conditions = [...this.scopes];
    if (options.parentName !== undefined) definition.conditions.push({ name: options.parentName, values: options.parentValues ?? [] });
    this.space.push(definition);
    return this.valueOf(definition);
  }

  private checkRange(name: string, options: IntOptions | FloatOptions): void {
    if (typeof options.minValue !== 'number' || typeof options.maxValue !== 'number' || !(options.minValue <= options.maxValue)) {
      throw new RangeError(`Expected minValue <= maxValue for hyperparameter "${name}", received ${describeValue(options.minValue)} and ${describeValue(options.maxValue)}`);
    }
    if (options.step !== undefined && !(options.step > 0)) throw new RangeError(`Expected a positive step for hyperparameter "${name}", received ${describeValue(options.step)}`);
    const logScale = options.sampling !== undefined && options.sampling !== 'linear';
    if (logScale && options.minValue <= 0) throw new RangeError(`Expected minValue > 0 for ${options.sampling} sampling of "${name}", received ${options.minValue}`);
    if (logScale && options.step !== undefined && options.step <= 1) throw new RangeError(`Expected a step > 1 (a factor) for ${options.sampling} sampling of "${name}", received ${options.step}`);
  }
}

function checkedSampling(name: string, sampling: string | undefined): Sampling {
  if (sampling === undefined) return 'linear';
  if (!SAMPLINGS.includes(sampling)) throw new RangeError(`Expected sampling of "${name}" to be one of ${SAMPLINGS.join(', ')}, received ${describeValue(sampling)}`);
  return sampling === 'reciprocal' ? 'log' : (sampling as Sampling);
}
