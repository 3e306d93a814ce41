import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend/internal';
import { Constraint } from './constraint';
import { MaxNorm } from './max-norm';
import { MinMaxNorm } from './min-max-norm';
import { NonNeg } from './non-neg';
import { UnitNorm } from './unit-norm';
import { type CamelSerialized, withKerasClassName } from '../engine/camel-serialized';

/** A constraint as layers accept it: a Keras name in any spelling, `{class_name, config}`, or an instance. */
export type ConstraintIdentifier = string | KerasSerialized | CamelSerialized | Constraint;

/** A constraint class as the registry needs it: its Keras name and how to build it from a config. */
export interface ConstraintClass {
  className: string;
  fromConfig(config: Record<string, unknown>): Constraint;
}

const registry = new ObjectRegistry<Constraint>('constraint', (value): value is Constraint => value instanceof Constraint);
for (const constraintClass of [MaxNorm, NonNeg, UnitNorm, MinMaxNorm] as ConstraintClass[]) {
  registry.register(constraintClass.className, (config) => constraintClass.fromConfig(config));
}

/**
 * Resolves a constraint identifier, as Keras's `constraints.get`: a name in any spelling
 * (`'max_norm'`, `'maxNorm'`, `'MaxNorm'`, `'non_neg'`, `'unit_norm'`, `'min_max_norm'`) with
 * default arguments, a `{class_name, config}` (or TF.js's `{className, config}`) object, or an instance, which passes through.
 *
 * @param identifier a name, a serialized constraint or an instance
 * @returns the constraint
 * @throws Error for an unknown name, listing the known ones, or for invalid arguments
 * @example
 * ```ts
 * getConstraint('non_neg');
 * getConstraint({ class_name: 'MaxNorm', config: { max_value: 3, axis: 0 } });
 * ```
 */
export function getConstraint(identifier: ConstraintIdentifier): Constraint {
  return registry.get(withKerasClassName(identifier) as string | KerasSerialized | Constraint);
}

/**
 * A constraint as Keras saves it: `{class_name, config}`.
 *
 * @example
 * ```ts
 * serializeConstraint(maxNorm()); // { class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } }
 * ```
 */
export function serializeConstraint(constraint: Constraint): KerasSerialized {
  return { class_name: constraint.className, config: constraint.getConfig() };
}

/**
 * Registers a custom constraint class, so {@link getConstraint} can rebuild configs naming it.
 *
 * @param constraintClass a subclass of {@link Constraint} with its own `static className`
 * @param aliases other names it answers to
 * @throws Error when a name is already taken by another class
 * @example
 * ```ts
 * registerConstraint(Clip);
 * ```
 */
export function registerConstraint(constraintClass: ConstraintClass, aliases: readonly string[] = []): void {
  registry.register(constraintClass.className, (config) => constraintClass.fromConfig(config), aliases);
}
