import { tf } from '@dendrite/backend';
import type { TensorOrList } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';
import type { ModelOutput, TensorMap } from '../model-output';

/**
 * How a model takes its inputs: one tensor, a list, or a map by name. Functional and Sequential
 * models declare theirs; a subclassed model takes the structure of the data it is given, as
 * Keras's `call(inputs)` receives whatever `fit(x)` was passed.
 */
export interface InputStructure {
  kind: 'single' | 'list' | 'record';
  /** One name per input, in the order of the trainer's tensor lists. */
  names: string[];
}

const inferredInputs = new WeakMap<ModelContract, InputStructure>();

/** Whether `value` is a plain object of inputs or targets by name (not a tensor or `{values, shape}`). */
export function isNamedParts(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof tf.Tensor) && !('values' in value && 'shape' in value);
}

/** Whether `value` is a list of several inputs (tensors or `{values, shape}`), not one nested number array. */
export function isPartList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every((entry) => entry instanceof tf.Tensor || (typeof entry === 'object' && entry !== null && !Array.isArray(entry)));
}

/**
 * The input structure for data `x`: the model's own when it declares inputs, otherwise (a
 * subclassed model) the data's — a list of tensors is a list of inputs (`input_1`, `input_2`, …),
 * an object is inputs by name, anything else one input. Remembered for the steps that follow.
 */
export function inputStructureFor(model: ModelContract, x: unknown): InputStructure {
  const declared = model.declaredInputNames;
  let structure: InputStructure;
  if (declared !== undefined) structure = { kind: declared.length === 1 ? 'single' : 'list', names: declared };
  else if (isNamedParts(x)) structure = { kind: 'record', names: Object.keys(x) };
  else if (isPartList(x)) structure = { kind: 'list', names: x.map((_, index) => `input_${index + 1}`) };
  else structure = { kind: 'single', names: ['input'] };
  if (declared === undefined) inferredInputs.set(model, structure);
  return structure;
}

/** The model's input structure: declared, or the last one its data had (one input before any). */
export function inputStructureOf(model: ModelContract): InputStructure {
  const declared = model.declaredInputNames;
  if (declared !== undefined) return { kind: declared.length === 1 ? 'single' : 'list', names: declared };
  return inferredInputs.get(model) ?? { kind: 'single', names: ['input'] };
}

/**
 * The value a model is called on, from the trainer's list of input tensors: one tensor, the list,
 * or an object by input name.
 */
export function packInputs(model: ModelContract, x: tf.Tensor[]): TensorOrList | TensorMap {
  const structure = inputStructureOf(model);
  if (structure.kind === 'record') return Object.fromEntries(structure.names.map((name, index) => [name, x[index]]));
  return structure.kind === 'single' ? x[0] : x;
}

/**
 * A call's outputs as a list in the model's output order. A subclassed model's output names come
 * from its outputs: `output` for one tensor, `output_1`, `output_2`… for a list, the keys (sorted,
 * as Keras flattens a dict) for an object; the model remembers them for compile and the targets.
 *
 * @throws Error when a later call returns another structure than the first
 */
export function flattenOutputs(model: ModelContract, outputs: ModelOutput): tf.Tensor[] {
  let names: string[];
  let list: tf.Tensor[];
  if (outputs instanceof tf.Tensor) {
    list = [outputs];
    names = ['output'];
  } else if (Array.isArray(outputs)) {
    list = outputs;
    names = outputs.map((_, index) => `output_${index + 1}`);
  } else {
    names = Object.keys(outputs).sort();
    list = names.map((name) => outputs[name]);
  }
  if (model.declaredOutputNames !== undefined) return list;
  const known = model.hasKnownOutputs ? model.outputNames : undefined;
  if (known === undefined) model.noteOutputNames(names);
  else if (known.length !== names.length || known.some((name, index) => name !== names[index])) {
    throw new Error(`Expected model "${model.name}" to return the outputs it returned before (${known.join(', ')}), received ${names.join(', ')}`);
  }
  return list;
}

/**
 * Runs a model once in inference mode on one batch when it has not yet shown its outputs (a
 * subclassed model before its first call), so compile's per-output losses and the targets can be
 * matched to them by name — Keras's symbolic build on the first batch. Builds its weights too.
 */
export function ensureOutputsKnown(model: ModelContract, x: tf.Tensor[]): void {
  if (model.built && model.hasKnownOutputs) return;
  tf.tidy(() => {
    flattenOutputs(model, model.apply(packInputs(model, x), { training: false }) as ModelOutput);
  });
  model.clearLosses();
}
