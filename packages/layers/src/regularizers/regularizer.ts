import { type KerasSerialized, ObjectRegistry, keysToCamelCase, tf } from '@dendrite/backend';

/** The base of every regularizer: `call(weight)` gives the penalty added to the loss. */
export abstract class Regularizer {
  static className = 'Regularizer';
  abstract call(weight: tf.Tensor): tf.Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
  get className(): string {
    return (this.constructor as typeof Regularizer).className;
  }
  static fromConfig<T extends Regularizer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(keysToCamelCase(config) as never);
  }
}

function checkFactor(value: unknown, argumentName: string, className: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`Expected ${argumentName} to be a finite number ≥ 0, received ${JSON.stringify(value)} in regularizer ${className}`);
  }
  return value;
}

/** `l1 · Σ|w| + l2 · Σw²`, as Keras's `L1L2` (both factors 0 by default). */
export class L1L2 extends Regularizer {
  static override className = 'L1L2';
  readonly l1: number;
  readonly l2: number;
  constructor(args: { l1?: number; l2?: number } = {}) {
    super();
    this.l1 = checkFactor(args.l1 ?? 0, 'l1', this.className);
    this.l2 = checkFactor(args.l2 ?? 0, 'l2', this.className);
  }
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const l1 = this.l1 === 0 ? tf.scalar(0) : tf.mul(this.l1, tf.sum(tf.abs(weight)));
      return this.l2 === 0 ? l1 : tf.add(l1, tf.mul(this.l2, tf.sum(tf.square(weight))));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { l1: this.l1, l2: this.l2 };
  }
}

/** `l1 · Σ|w|` (0.01 by default). */
export class L1 extends L1L2 {
  static override className = 'L1';
  constructor(args: { l1?: number } = {}) {
    super({ l1: args.l1 ?? 0.01 });
  }
  override getConfig(): Record<string, unknown> {
    return { l1: this.l1 };
  }
}

/** `l2 · Σw²` (0.01 by default). */
export class L2 extends L1L2 {
  static override className = 'L2';
  constructor(args: { l2?: number } = {}) {
    super({ l2: args.l2 ?? 0.01 });
  }
  override getConfig(): Record<string, unknown> {
    return { l2: this.l2 };
  }
}

/** A regularizer as layers accept it. */
export type RegularizerIdentifier = string | KerasSerialized | Regularizer;

const registry = new ObjectRegistry<Regularizer>('regularizer', (value): value is Regularizer => value instanceof Regularizer);
registry.register('L1L2', (config) => L1L2.fromConfig(config), ['l1_l2']);
registry.register('L1', (config) => L1.fromConfig(config));
registry.register('L2', (config) => L2.fromConfig(config));

/**
 * Resolves a regularizer: `'l2'`, `'l1_l2'` (0.01 each, as Keras's shortcut), `{class_name, config}`,
 * or an instance.
 *
 * @throws Error for an unknown name, listing the known ones
 */
export function getRegularizer(identifier: RegularizerIdentifier): Regularizer {
  if (typeof identifier === 'string' && registry.className(identifier) === 'L1L2') return new L1L2({ l1: 0.01, l2: 0.01 });
  return registry.get(identifier);
}

/** `{class_name, config}` of a regularizer. */
export function serializeRegularizer(regularizer: Regularizer): KerasSerialized {
  return { class_name: regularizer.className, config: regularizer.getConfig() };
}

/** `l1(0.01)` — factories in TF.js spelling. */
export const l1 = (args: { l1?: number } | number = {}) => new L1(typeof args === 'number' ? { l1: args } : args);
/** `l2(0.01)`. */
export const l2 = (args: { l2?: number } | number = {}) => new L2(typeof args === 'number' ? { l2: args } : args);
/** `l1l2({l1: 0.01, l2: 0.01})` (Keras's `l1_l2` shortcut defaults). */
export const l1l2 = (args: { l1?: number; l2?: number } = {}) => new L1L2({ l1: args.l1 ?? 0.01, l2: args.l2 ?? 0.01 });
