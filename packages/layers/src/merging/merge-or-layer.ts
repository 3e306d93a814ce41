import { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { SymbolicTensor } from '../engine/symbolic-tensor';
import type { Merge } from './base-merge';

/** What a merge function merges: a list of symbolic tensors (from `input()`) or of tensors. */
export type MergeInputs = SymbolicTensor[] | tf.Tensor[];

/** Whether a value is a plain options object (not a list, tensor, layer or number). */
function isOptions(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Describes what a merge function received where it wanted tensors, naming the first wrong entry. */
function describeEntries(values: unknown[]): string {
  const index = values.findIndex((value) => !(value instanceof SymbolicTensor || value instanceof tf.Tensor));
  return `a list holding ${describeValue(values[index])} at index ${index}`;
}

/** How one merge function reads its arguments. */
export interface MergeFunctionSpec<Args extends LayerArgs> {
  /** The function's name, for messages (`concatenate`). */
  name: string;
  /** Makes the layer from its options. */
  makeLayer: (args: Args) => Merge;
  /**
   * The option a bare value stands for, as in Keras's signatures (`concatenate(inputs, axis)`,
   * `dot(inputs, axes)`); absent where Keras takes none, and a bare value is refused.
   */
  positional?: { name: keyof Args & string; accepts: (value: unknown) => boolean };
}

/**
 * The one dispatch behind Keras's lowercase merge functions: called with a list of tensors, they
 * make the layer and apply it, returning the merged tensor (symbolic for symbolic inputs); called
 * with options only, they return the layer, as tfjs-layers' factories do.
 *
 * @param first the list of tensors to merge, or the layer's options
 * @param second the layer's options when `first` is a list (or the positional value Keras takes)
 * @param spec the function's name, layer and positional option
 * @returns the merged tensor, or the layer
 * @throws TypeError naming the function when the arguments are neither form
 * @example
 * ```ts
 * mergeOrLayer([a, b], { axis: 1 }, { name: 'concatenate', makeLayer: (args) => new Concatenate(args) });
 * ```
 */
export function mergeOrLayer<Args extends LayerArgs>(first: unknown, second: unknown, spec: MergeFunctionSpec<Args>): Merge | SymbolicTensor | tf.Tensor {
  if (Array.isArray(first)) {
    if (first.length === 0) throw new TypeError(`Expected a list of tensors to ${spec.name}, received an empty list`);
    const symbolic = first.every((value) => value instanceof SymbolicTensor);
    if (!symbolic && !first.every((value) => value instanceof tf.Tensor)) {
      throw new TypeError(`Expected ${spec.name} to receive a list of tensors, or of symbolic tensors from input(), received ${describeEntries(first)}`);
    }
    const layer = spec.makeLayer(optionsFrom(second, spec, 'second'));
    return symbolic ? layer.apply(first as SymbolicTensor[]) : layer.apply(first as tf.Tensor[]);
  }
  if (second !== undefined) {
    throw new TypeError(`Expected ${spec.name} to receive a list of tensors before its options, received ${describeValue(first)} then ${describeValue(second)}`);
  }
  return spec.makeLayer(optionsFrom(first, spec, 'first'));
}

function optionsFrom<Args extends LayerArgs>(value: unknown, spec: MergeFunctionSpec<Args>, position: 'first' | 'second'): Args {
  if (value === undefined) return {} as Args;
  if (isOptions(value)) return value as Args;
  if (spec.positional?.accepts(value)) return { [spec.positional.name]: value } as unknown as Args;
  const forms = [...(position === 'first' ? ['a list of tensors'] : []), 'an options object', ...(spec.positional ? [spec.positional.name] : [])];
  const expected = forms.length === 1 ? forms[0] : `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}`;
  throw new TypeError(`Expected the ${position} argument of ${spec.name} to be ${expected}, received ${describeValue(value)}`);
}
