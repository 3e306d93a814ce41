import { type tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import { type ConstraintIdentifier, getConstraint } from '../constraints/get-constraint';
import { type InitializerIdentifier, getInitializer } from '../initializers/get-initializer';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/get-regularizer';
import type { WeightConstraint, WeightInitializer, WeightRegularizer } from './layer-variable';

/**
 * Options of `Layer.addWeight`, as Keras's `add_weight`: the initializer, regularizer and
 * constraint may be identifiers (a name in either spelling, `{className, config}` /
 * `{class_name, config}`) or instances.
 */
export interface AddWeightOptions {
  /** How the weight starts (`'glorot_uniform'` by default, `'zeros'` for a non-float dtype, as Keras). */
  initializer?: WeightInitializer | InitializerIdentifier;
  /** A penalty on the weight, added to the loss. */
  regularizer?: WeightRegularizer | RegularizerIdentifier | null;
  /** A projection applied after each optimizer step. */
  constraint?: WeightConstraint | ConstraintIdentifier | null;
  /** Whether training updates it (true). */
  trainable?: boolean;
  /** Its dtype (the layer's by default). */
  dtype?: tf.DataType;
}

/** {@link AddWeightOptions} with every identifier resolved to an object. */
export interface ResolvedWeightOptions extends AddWeightOptions {
  initializer: WeightInitializer;
  regularizer?: WeightRegularizer;
  constraint?: WeightConstraint;
}

const ADD_WEIGHT_KEYS = optionKeys<AddWeightOptions>({ initializer: true, regularizer: true, constraint: true, trainable: true, dtype: true });

/** An object with a `call` method is used as it is (any initializer, regularizer or constraint, structurally). */
function hasCall<T>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && typeof (value as { call?: unknown }).call === 'function';
}

/**
 * Resolves the identifiers of `addWeight`'s options once: instances (anything with `call`) pass
 * through; names and configs go through the registries.
 *
 * @param options what the caller passed
 * @param weight names the weight and its layer in errors (`weight "scale" of layer "my_layer"`)
 * @throws TypeError for an unknown option key; Error for an unknown identifier, naming the weight
 */
export function resolveWeightOptions(options: AddWeightOptions | undefined, dtype: tf.DataType, weight: string): ResolvedWeightOptions {
  checkOptionKeys(options, ADD_WEIGHT_KEYS, `addWeight of ${weight}`);
  const given = options ?? {};
  const resolve = <T>(kind: string, value: unknown, get: (identifier: never) => T): T => {
    if (hasCall<T>(value)) return value;
    try {
      return get(value as never);
    } catch (error) {
      throw new Error(`${(error as Error).message}, for the ${kind} of ${weight}`);
    }
  };
  const fallback = dtype.startsWith('float') ? 'glorot_uniform' : 'zeros';
  return {
    ...given,
    initializer: resolve<WeightInitializer>('initializer', given.initializer ?? fallback, getInitializer),
    regularizer: given.regularizer == null ? undefined : resolve<WeightRegularizer>('regularizer', given.regularizer, getRegularizer),
    constraint: given.constraint == null ? undefined : resolve<WeightConstraint>('constraint', given.constraint, getConstraint),
  };
}
