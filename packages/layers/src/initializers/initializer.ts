import { keysToCamelCase, nextSeed, type tf } from '@dendrite/backend';

/**
 * The base of every initializer: `call(shape, dtype)` makes a weight's first value; `getConfig()`
 * gives Keras's config (snake_case keys).
 */
export abstract class Initializer {
  /** The Keras class name. */
  static className = 'Initializer';

  /** Makes a tensor of `shape`. */
  abstract call(shape: number[], dtype?: tf.DataType): tf.Tensor;

  /** Keras's config of this initializer. */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** The Keras class name of this initializer. */
  get className(): string {
    return (this.constructor as typeof Initializer).className;
  }

  /** Rebuilds an initializer from {@link getConfig}'s output. */
  static fromConfig<T extends Initializer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(keysToCamelCase(config) as never);
  }
}

/** The seed of one draw: the initializer's own, or the next from the global stream (setSeed). */
export function drawSeed(seed: number | undefined): number | undefined {
  return seed ?? nextSeed();
}

/** Checks a number argument of an initializer, naming it. */
export function checkNumber(value: unknown, argumentName: string, className: string, condition: (v: number) => boolean = Number.isFinite, expected = 'a finite number'): number {
  if (typeof value !== 'number' || !condition(value)) {
    throw new Error(`Expected ${argumentName} to be ${expected}, received ${JSON.stringify(value)} in initializer ${className}`);
  }
  return value;
}

/** Keras's `compute_fans`: fan-in and fan-out of a dense or convolution kernel shape. */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  const receptiveField = shape.slice(0, -2).reduce((product, size) => product * size, 1);
  return { fanIn: shape[shape.length - 2] * receptiveField, fanOut: shape[shape.length - 1] * receptiveField };
}
