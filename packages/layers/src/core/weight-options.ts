import { type ConstraintIdentifier, getConstraint, serializeConstraint } from '../constraints/index';
import { type InitializerIdentifier, getInitializer, serializeInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer, serializeRegularizer } from '../regularizers/index';
import type { ResolvedWeightOptions } from '../engine/resolve-weight-options';
import { type Activation, type ActivationIdentifier, getActivation } from '../activations/index';

/** Whose weight options are resolved, for errors: the layer and the weight (`kernel` names `kernelInitializer`…). */
export interface WeightOwner {
  layerName: string;
  weight: string;
}

/**
 * `addWeight` options from identifiers: the initializer (or its default), regularizer and
 * constraint if given. Layers resolve them once, in their constructor, so a bad identifier fails
 * there, as in Keras.
 *
 * @param owner names the layer and argument in the error of a bad identifier
 * @throws Error for an unknown identifier: `Unknown initializer "x": expected one of …, for kernelInitializer in layer "dense"`
 */
export function weightOptions(
  initializer: InitializerIdentifier | undefined,
  fallback: InitializerIdentifier,
  regularizer?: RegularizerIdentifier | null,
  constraint?: ConstraintIdentifier | null,
  owner?: WeightOwner,
): ResolvedWeightOptions {
  const resolve = <T>(kind: string, get: () => T): T => {
    try {
      return get();
    } catch (error) {
      if (owner === undefined) throw error;
      throw new Error(`${(error as Error).message}, for ${owner.weight}${kind} in layer "${owner.layerName}"`);
    }
  };
  return {
    initializer: resolve('Initializer', () => getInitializer(initializer ?? fallback)),
    regularizer: regularizer == null ? undefined : resolve('Regularizer', () => getRegularizer(regularizer)),
    constraint: constraint == null ? undefined : resolve('Constraint', () => getConstraint(constraint)),
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

/**
 * A layer's activation from its identifier (the identity for none).
 *
 * @throws Error for an unknown identifier: `Unknown activation "x": expected one of …, for activation in layer "dense"`
 */
export function layerActivation(identifier: ActivationIdentifier | null | undefined, argument: string, layerName: string): Activation {
  try {
    return getActivation(identifier);
  } catch (error) {
    throw new Error(`${(error as Error).message}, for ${argument} in layer "${layerName}"`);
  }
}
