import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend/internal';
import { L1 } from './l1';
import { L1L2, l1l2 } from './l1-l2';
import { L2 } from './l2';
import { Regularizer } from './regularizer';
import { type CamelSerialized, withKerasClassName } from '../engine/camel-serialized';

/** A regularizer as layers accept it: a Keras name in any spelling, `{class_name, config}`, or an instance. */
export type RegularizerIdentifier = string | KerasSerialized | CamelSerialized | Regularizer;

/** A regularizer class as the registry needs it: its Keras name and how to build it from a config. */
export interface RegularizerClass {
  className: string;
  fromConfig(config: Record<string, unknown>): Regularizer;
}

const registry = new ObjectRegistry<Regularizer>('regularizer', (value): value is Regularizer => value instanceof Regularizer);
registry.register(L1.className, (config) => L1.fromConfig(config));
registry.register(L2.className, (config) => L2.fromConfig(config));
registry.register(L1L2.className, (config) => L1L2.fromConfig(config), ['l1_l2']);

/**
 * Resolves a regularizer identifier, as Keras's `regularizers.get`: a name in any spelling
 * (`'l1'`, `'l2'`, `'l1_l2'`) with default factors, a `{class_name, config}` (or TF.js's `{className, config}`) object, or an
 * instance, which passes through. A name of L1L2 (`'l1_l2'`, `'L1L2'`) means Keras's shortcut,
 * 0.01 each; `{class_name: 'L1L2', config: {}}` means the class's defaults, 0 each.
 *
 * @param identifier a name, a serialized regularizer or an instance
 * @returns the regularizer
 * @throws Error for an unknown name, listing the known ones, or for invalid factors
 * @example
 * ```ts
 * getRegularizer('l2');                                              // L2 with 0.01
 * getRegularizer({ class_name: 'L1L2', config: { l1: 0, l2: 1e-4 } });
 * ```
 */
export function getRegularizer(identifier: RegularizerIdentifier): Regularizer {
  if (typeof identifier === 'string' && registry.has(identifier) && registry.className(identifier) === L1L2.className) return l1l2();
  return registry.get(withKerasClassName(identifier) as string | KerasSerialized | Regularizer);
}

/**
 * A regularizer as Keras saves it: `{class_name, config}`.
 *
 * @example
 * ```ts
 * serializeRegularizer(l2(1e-5)); // { class_name: 'L2', config: { l2: 1e-5 } }
 * ```
 */
export function serializeRegularizer(regularizer: Regularizer): KerasSerialized {
  return { class_name: regularizer.className, config: regularizer.getConfig() };
}

/**
 * Registers a custom regularizer class, so {@link getRegularizer} can rebuild configs naming it.
 *
 * @param regularizerClass a subclass of {@link Regularizer} with its own `static className`
 * @param aliases other names it answers to
 * @throws Error when a name is already taken by another class
 * @example
 * ```ts
 * registerRegularizer(SumSquares);
 * ```
 */
export function registerRegularizer(regularizerClass: RegularizerClass, aliases: readonly string[] = []): void {
  registry.register(regularizerClass.className, (config) => regularizerClass.fromConfig(config), aliases);
}
