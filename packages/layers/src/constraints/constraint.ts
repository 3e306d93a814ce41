import { type KerasSerialized, ObjectRegistry, keysToCamelCase, tf } from '@dendrite/backend';

/** Keras's epsilon in norm constraints. */
const EPSILON = 1e-7;

/** The base of every constraint: `call(weight)` projects a weight back after an update. */
export abstract class Constraint {
  static className = 'Constraint';
  abstract call(weight: tf.Tensor): tf.Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
  get className(): string {
    return (this.constructor as typeof Constraint).className;
  }
  static fromConfig<T extends Constraint>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(keysToCamelCase(config) as never);
  }
}

function norms(weight: tf.Tensor, axis: number | number[]): tf.Tensor {
  return tf.sqrt(tf.sum(tf.square(weight), axis, true));
}

/** Scales each slice (along `axis`) whose norm exceeds `maxValue` down to it (Keras: 2, axis 0). */
export class MaxNorm extends Constraint {
  static override className = 'MaxNorm';
  readonly maxValue: number;
  readonly axis: number | number[];
  constructor(args: { maxValue?: number; axis?: number | number[] } = {}) {
    super();
    this.maxValue = args.maxValue ?? 2;
    if (!(this.maxValue >= 0)) throw new Error(`Expected maxValue ≥ 0 in constraint MaxNorm, received ${args.maxValue}`);
    this.axis = args.axis ?? 0;
  }
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const n = norms(weight, this.axis);
      const desired = tf.clipByValue(n, 0, this.maxValue);
      return tf.mul(weight, tf.div(desired, tf.add(n, EPSILON)));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { max_value: this.maxValue, axis: this.axis };
  }
}

/** Sets negative entries to zero. */
export class NonNeg extends Constraint {
  static override className = 'NonNeg';
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.mul(weight, tf.cast(tf.greaterEqual(weight, 0), weight.dtype)));
  }
}

/** Scales each slice along `axis` to unit norm. */
export class UnitNorm extends Constraint {
  static override className = 'UnitNorm';
  readonly axis: number | number[];
  constructor(args: { axis?: number | number[] } = {}) {
    super();
    this.axis = args.axis ?? 0;
  }
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.div(weight, tf.add(norms(weight, this.axis), EPSILON)));
  }
  override getConfig(): Record<string, unknown> {
    return { axis: this.axis };
  }
}

/** Keeps each slice's norm in [minValue, maxValue], moving it there at `rate`. */
export class MinMaxNorm extends Constraint {
  static override className = 'MinMaxNorm';
  readonly minValue: number;
  readonly maxValue: number;
  readonly rate: number;
  readonly axis: number | number[];
  constructor(args: { minValue?: number; maxValue?: number; rate?: number; axis?: number | number[] } = {}) {
    super();
    this.minValue = args.minValue ?? 0;
    this.maxValue = args.maxValue ?? 1;
    this.rate = args.rate ?? 1;
    this.axis = args.axis ?? 0;
    if (!(this.minValue <= this.maxValue)) throw new Error(`Expected minValue ≤ maxValue in constraint MinMaxNorm, received ${this.minValue} and ${this.maxValue}`);
    if (!(this.rate >= 0 && this.rate <= 1)) throw new Error(`Expected rate in [0, 1] in constraint MinMaxNorm, received ${this.rate}`);
  }
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const n = norms(weight, this.axis);
      const desired = tf.add(tf.mul(this.rate, tf.clipByValue(n, this.minValue, this.maxValue)), tf.mul(1 - this.rate, n));
      return tf.mul(weight, tf.div(desired, tf.add(n, EPSILON)));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { min_value: this.minValue, max_value: this.maxValue, rate: this.rate, axis: this.axis };
  }
}

/** A constraint as layers accept it. */
export type ConstraintIdentifier = string | KerasSerialized | Constraint;

const registry = new ObjectRegistry<Constraint>('constraint', (value): value is Constraint => value instanceof Constraint);
registry.register('MaxNorm', (config) => MaxNorm.fromConfig(config), ['max_norm']);
registry.register('NonNeg', (config) => NonNeg.fromConfig(config), ['non_neg']);
registry.register('UnitNorm', (config) => UnitNorm.fromConfig(config), ['unit_norm']);
registry.register('MinMaxNorm', (config) => MinMaxNorm.fromConfig(config), ['min_max_norm']);

/** Resolves a constraint: `'max_norm'`, `'nonNeg'`, `{class_name, config}`, or an instance. */
export function getConstraint(identifier: ConstraintIdentifier): Constraint {
  return registry.get(identifier);
}

/** `{class_name, config}` of a constraint. */
export function serializeConstraint(constraint: Constraint): KerasSerialized {
  return { class_name: constraint.className, config: constraint.getConfig() };
}

export const maxNorm = (args: { maxValue?: number; axis?: number | number[] } = {}) => new MaxNorm(args);
export const nonNeg = () => new NonNeg();
export const unitNorm = (args: { axis?: number | number[] } = {}) => new UnitNorm(args);
export const minMaxNorm = (args: { minValue?: number; maxValue?: number; rate?: number; axis?: number | number[] } = {}) => new MinMaxNorm(args);
