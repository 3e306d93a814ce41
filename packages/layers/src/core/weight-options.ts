import { type ConstraintIdentifier, getConstraint, serializeConstraint } from '../constraints/index';
import { type InitializerIdentifier, getInitializer, serializeInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer, serializeRegularizer } from '../regularizers/index';
import type { AddWeightOptions } from '../engine/layer';

/** `addWeight` options from identifiers: the initializer (or its default), regularizer and constraint if given. */
export function weightOptions(
  initializer: InitializerIdentifier | undefined,
  fallback: InitializerIdentifier,
  regularizer?: RegularizerIdentifier | null,
  constraint?: ConstraintIdentifier | null,
): AddWeightOptions {
  return {
    initializer: getInitializer(initializer ?? fallback),
    regularizer: regularizer == null ? undefined : getRegularizer(regularizer),
    constraint: constraint == null ? undefined : getConstraint(constraint),
  };
}

/** An initializer's `{class_name, config}` for a layer config. */
export const initializerConfig = (initializer: InitializerIdentifier | undefined, fallback: InitializerIdentifier) =>
  serializeInitializer(getInitializer(initializer ?? fallback));

/** A regularizer's `{class_name, config}`, or null when there is none. */
export const regularizerConfig = (regularizer: RegularizerIdentifier | null | undefined) =>
  regularizer == null ? null : serializeRegularizer(getRegularizer(regularizer));

/** A constraint's `{class_name, config}`, or null when there is none. */
export const constraintConfig = (constraint: ConstraintIdentifier | null | undefined) =>
  constraint == null ? null : serializeConstraint(getConstraint(constraint));
