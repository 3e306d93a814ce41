import { tf } from '@dendrite/backend';
import type { TensorOrList } from '@dendrite/layers';

/** Tensors by name: the inputs or outputs of a model that takes or returns an object (Keras's dict). */
export type TensorMap = Record<string, tf.Tensor>;

/** What a model returns: one tensor, a list, or (a subclassed model's) tensors by name. */
export type ModelOutput = TensorOrList | TensorMap;

/** Whether `value` is an object of tensors (not a tensor or a list). */
export function isTensorMap(value: unknown): value is TensorMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof tf.Tensor) && Object.keys(value).length > 0 && Object.values(value).every((entry) => entry instanceof tf.Tensor);
}

/**
 * Lets a subclassed model's `call` return its outputs by name, as Keras's `return {"a": …}`:
 * `call` is typed as every layer's (a tensor or a list), so the object passes through this. The
 * trainer matches targets, losses, weights and metrics to the names; `predict` returns an object.
 *
 * @example
 * ```ts
 * override call(inputs: TensorOrList | TensorMap, args: CallArgs): TensorOrList {
 *   const { text, image } = inputs as TensorMap;
 *   return outputsByName({ score: this.score.apply(text, args), label: this.label.apply(image, args) });
 * }
 * ```
 */
export function outputsByName(outputs: TensorMap): TensorOrList {
  return outputs as unknown as TensorOrList;
}
