import { tf } from '@dendrite/backend';
import { validateLabels } from '@dendrite/losses';
import { shapeToString } from '@dendrite/layers';
import type { ModelContract } from '../../contracts/model-contract';
import { ensureOutputsKnown, inputStructureFor } from '../model-structure';
import { cutBatch } from './batch-cutter';
import { ArrayDataAdapter } from './array-adapter';
import type { DataAdapter } from './data-adapter';
import { type DataLike, type HostArray, type InputExpectation, toHostArray } from './host-array';
import { type BatchPart, type BatchSource, IterableDataAdapter, asTensor, isBatchSource } from './iterable-adapter';

/** Inputs as `fit`/`evaluate`/`predict` accept them: data of one or several inputs, or a stream of batches. */
export type ModelData = DataLike | DataLike[] | Record<string, DataLike> | BatchSource;
/** Targets: one, a list (one per output) or a map by output name. */
export type TargetData = DataLike | DataLike[] | Record<string, DataLike>;

function isDataLikeList(value: unknown): value is DataLike[] {
  // A list of inputs holds tensors or {values, shape} objects; a nested number array is one input.
  return Array.isArray(value) && value.length > 0 && value.every((entry) => entry instanceof tf.Tensor || (typeof entry === 'object' && entry !== null && !Array.isArray(entry)));
}

/** Whether `part` is one nested array per name (`[x1, x2]` for two inputs) rather than one input. */
function isNestedArrayPerName(part: unknown, names: string[]): boolean {
  return names.length > 1 && Array.isArray(part) && part.length === names.length && part.every((entry) => Array.isArray(entry) && entry.every((row) => Array.isArray(row)));
}

/** Puts one or several inputs/targets in the model's order, from a single value, a list or a map. */
export function orderParts<T>(part: T | T[] | Record<string, T>, names: string[], what: string): T[] {
  if (part instanceof tf.Tensor || (typeof part === 'object' && part !== null && !Array.isArray(part) && 'values' in (part as object) && 'shape' in (part as object))) return [part as T];
  if (isDataLikeList(part) || isNestedArrayPerName(part, names)) {
    const list = part as T[];
    if (list.length !== names.length) throw new Error(`Expected ${names.length} ${what} (${names.join(', ')}), received ${list.length}`);
    return list;
  }
  if (Array.isArray(part)) return [part as T];
  if (typeof part === 'object' && part !== null) {
    const record = part as Record<string, T>;
    const missing = names.filter((name) => !(name in record));
    if (missing.length > 0) throw new Error(`Expected ${what} for ${names.join(', ')}, received keys [${Object.keys(record).join(', ')}]`);
    return names.map((name) => record[name]);
  }
  throw new Error(`Expected ${what} to be data, a list or a map by name, received ${String(part)}`);
}

/** Input names of a model: its input layers' names, or `input` for a single unnamed input. */
export function inputNames(model: ModelContract): string[] {
  const inputs = (model as ModelContract & { inputs?: Array<{ sourceLayer: { name: string } }> }).inputs;
  return inputs ? inputs.map((symbol) => symbol.sourceLayer.name) : ['input'];
}

/**
 * Each input's name and declared dtype (a functional model's inputs, a Sequential's input layer), so
 * strings reach only a string input and a numeric input refuses them naming itself.
 */
export function inputExpectations(model: ModelContract, names: string[]): InputExpectation[] {
  const declared = model as ModelContract & { inputs?: Array<{ dtype: tf.DataType }>; inputDtype?: tf.DataType };
  const dtypes = declared.inputs ? declared.inputs.map((symbol) => symbol.dtype) : [declared.inputDtype];
  return names.map((name, index) => ({ name, dtype: dtypes[index] }));
}

/** Checks host data against the model's declared input shapes, naming the layer. */
export function checkInputShapes(model: ModelContract, x: Array<{ shape: number[] }>): void {
  const expected = model.inputShapes;
  if (!expected) return;
  x.forEach((array, index) => {
    const shape = expected[index];
    if (!shape) return;
    const fits = shape.length === array.shape.length && shape.every((size, axis) => axis === 0 || size === null || size === array.shape[axis]);
    if (!fits) {
      const hasInputLayers = (model as ModelContract & { inputs?: unknown }).inputs !== undefined;
      const layerName = hasInputLayers ? inputNames(model)[index] : (model.layers[0]?.name ?? model.name);
      throw new Error(
        `Expected input of shape ${shapeToString(shape)} for layer "${layerName}" of model "${model.name}", received x of shape ${shapeToString(array.shape)}`,
      );
    }
  });
}

/** Per-sample weights from `classWeight` ({class index: weight}) and the first target. */
export function classWeightsToSampleWeights(classWeight: Record<number, number>, target: HostArray): Float32Array {
  const samples = target.shape[0];
  const weights = new Float32Array(samples);
  for (let sample = 0; sample < samples; sample++) {
    let label: number;
    if (target.rowSize === 1) label = Math.round(target.values[sample]);
    else {
      label = 0;
      const offset = sample * target.rowSize;
      for (let k = 1; k < target.rowSize; k++) if (target.values[offset + k] > target.values[offset + label]) label = k;
    }
    weights[sample] = classWeight[label] ?? 1;
  }
  return weights;
}

/** Runs the model on the first sample, so a subclassed model shows its outputs before targets are matched to them. */
function probeOutputs(model: ModelContract, xs: HostArray[]): void {
  if (xs.some((array) => array.shape[0] === 0)) return;
  const first = Int32Array.of(0);
  const batch = xs.map((array) => cutBatch(array, first, 0, 1));
  try {
    ensureOutputsKnown(model, batch);
  } finally {
    tf.dispose(batch);
  }
}

/** What {@link selectAdapter} needs besides the data. */
export interface AdapterOptions {
  batchSize: number;
  shuffle: boolean;
  sampleWeight?: DataLike;
  classWeight?: Record<number, number>;
  stepsPerEpoch?: number;
  validationSplit?: number;
  /** Batch size of the validation split (batchSize). */
  validationBatchSize?: number;
  /** Batches of the validation split per validation (all). */
  validationSteps?: number;
}

/**
 * Picks the adapter for what the user passed (host arrays or a batch source) and, with
 * `validationSplit`, also the validation adapter over the last fraction of the samples.
 */
export function selectAdapter(
  model: ModelContract,
  x: ModelData,
  y: TargetData | undefined,
  options: AdapterOptions,
): { train: DataAdapter; validation?: DataAdapter } {
  if (isBatchSource(x)) {
    if (y !== undefined) throw new Error('Expected y to be undefined when x is a dataset or iterable of batches (they carry their targets), received y');
    if (options.validationSplit) throw new Error('Expected no validationSplit with a dataset or iterable x (Keras cannot split a stream), received ' + options.validationSplit);
    if (options.sampleWeight !== undefined) throw new Error('Expected no sampleWeight option with a dataset or iterable x (its batches carry their weights: {xs, ys, sampleWeight}), received one');
    if (options.classWeight !== undefined) throw new Error('Expected no classWeight with a dataset or iterable x (give each batch its sampleWeight instead), received one');
    const orderX = (part: BatchPart) => {
      const names = inputStructureFor(model, part).names;
      const tensors = orderParts<DataLike>(part as DataLike, names, 'inputs').map((value, i) => asTensor(value, `x[${i}]`, inputExpectations(model, names)[i]));
      // The targets are matched to the outputs by name: a subclassed model shows them on its first batch.
      ensureOutputsKnown(model, tensors);
      return tensors;
    };
    const orderY = (part: BatchPart) => orderParts<DataLike>(part as DataLike, model.outputNames, 'targets').map((value, i) => asTensor(value, `y[${i}]`));
    return { train: new IterableDataAdapter(x, orderX, orderY, options.stepsPerEpoch) };
  }
  if (y === undefined) throw new Error('Expected targets y for x given as arrays or tensors, received undefined');
  const names = inputStructureFor(model, x).names;
  const expectations = inputExpectations(model, names);
  let xs = orderParts<DataLike>(x as DataLike, names, 'inputs').map((value, i) => toHostArray(value, names.length === 1 ? 'x' : `x[${i}]`, expectations[i]));
  checkInputShapes(model, xs);
  if (!model.built || !model.hasKnownOutputs) probeOutputs(model, xs);
  const outputs = model.outputNames;
  let ys = orderParts<DataLike>(y, outputs, 'targets').map((value, i) => toHostArray(value, outputs.length === 1 ? 'y' : `y[${i}]`));
  // A tensor is checked on its backend; read back only to name its first bad value.
  const allFinite = (tensor: tf.Tensor) => tf.tidy(() => tf.all(tf.isFinite(tensor)).dataSync()[0] === 1);
  ys.forEach((array, i) => {
    if (array.tensor === undefined || !allFinite(array.tensor)) validateLabels(array.values, outputs.length === 1 ? 'y' : `y[${i}] (output "${outputs[i]}")`);
  });
  const counts = [...xs, ...ys].map((array) => array.shape[0]);
  if (counts.some((count) => count !== counts[0])) {
    throw new Error(`Expected x and y to have the same number of samples, received ${counts.join(', ')}`);
  }
  let weights: Float32Array | undefined = options.sampleWeight === undefined ? undefined : Float32Array.from(toHostArray(options.sampleWeight, 'sampleWeight').values);
  if (options.classWeight) {
    const fromClasses = classWeightsToSampleWeights(options.classWeight, ys[0]);
    weights = weights ? weights.map((w, i) => w * fromClasses[i]) : fromClasses;
  }
  let validation: DataAdapter | undefined;
  if (options.validationSplit) {
    const [trainX, trainY, valX, valY, trainW, valW] = ArrayDataAdapter.split(xs, ys, options.validationSplit, weights);
    [xs, ys, weights] = [trainX, trainY, trainW as Float32Array | undefined];
    validation = new ArrayDataAdapter(valX, valY, {
      batchSize: options.validationBatchSize ?? options.batchSize,
      shuffle: false,
      sampleWeight: valW as Float32Array | undefined,
      stepsPerEpoch: options.validationSteps,
    });
  }
  const train = new ArrayDataAdapter(xs, ys, {
    batchSize: options.batchSize,
    shuffle: options.shuffle,
    sampleWeight: weights,
    stepsPerEpoch: options.stepsPerEpoch,
  });
  return { train, validation };
}
