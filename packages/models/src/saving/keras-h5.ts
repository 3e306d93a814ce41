import type { File as H5File, Group as H5Group } from 'h5wasm';
import { tf } from '@dendrite/backend';
import { type KerasSerialized } from '@dendrite/backend/internal';
import { type Layer, type LayerVariable, serializeLayer } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';
import { type ReadArray, readArray, readHdf5, readNameList, readStringAttribute, writeArray, writeHdf5, writeInt64Scalar, writeNameList } from './hdf5';
import { buildModel } from './build-model';
import type { LoadModelOptions } from './load-model-options';
import { requireConfigurable } from './keras-archive';
import { pythonJson, withPythonFloats } from './keras-v3-config';
import { keras2Config } from './keras2-config';
import { applyKerasOptimizerVariables, kerasOptimizerVariables } from './keras-optimizer-variables';
import { type WeightAssignment, setWeightValues, valuesInModelOrder } from './weight-values';
import { parseJsonObject, parseJsonText } from './parse-json';
import { withKerasVersionSemantics } from './keras-version-semantics';
import { checkDeclaredSizes, checkShapesFitFile, refuseUnusedWeights, storedShapes } from './declared-sizes';

const KERAS_VERSION = 'dendrite';
const BACKEND = 'tensorflow';

/** A layer's weights as Keras's legacy formats list them: trainable first, then the others. */
function legacyWeights(layer: Layer): LayerVariable[] {
  return [...layer.trainableWeights, ...layer.nonTrainableWeights];
}

/** `lstm/lstm_cell/kernel:0`: a weight's TF-style name under its layer. */
function legacyName(layer: Layer, weight: LayerVariable): string {
  const path = weight.path.startsWith(`${layer.name}/`) ? weight.path : `${layer.name}/${weight.path}`;
  return `${path}:0`;
}

/** `model_weights` (or a weights file's root) as Keras's `save_weights_to_hdf5_group` writes it. */
function writeLayerGroups(group: H5Group, model: ModelContract): void {
  group.create_attribute('backend', BACKEND);
  group.create_attribute('keras_version', KERAS_VERSION);
  writeNameList(group, 'layer_names', model.layers.map((layer) => layer.name));
  for (const layer of model.layers) {
    const layerGroup = group.create_group(layer.name);
    const weights = legacyWeights(layer);
    const names = weights.map((weight) => legacyName(layer, weight));
    writeNameList(layerGroup, 'weight_names', names);
    weights.forEach((weight, index) => {
      const values = weight.read().dataSync() as Float32Array | Int32Array;
      writeArray(layerGroup, names[index], { shape: [...weight.shape], dtype: weight.dtype === 'int32' ? 'int32' : 'float32', values });
    });
  }
}

/**
 * A model in Keras's legacy HDF5 format: the `model_config` and `training_config` attributes
 * (JSON), `model_weights/<layer>/<weight name>` with `layer_names`/`weight_names` attributes, and
 * `optimizer_weights` — or, with `weightsOnly`, the layer groups at the root as `save_weights`
 * writes them.
 */
export function legacyH5Bytes(model: ModelContract, where: string, weightsOnly: boolean): Promise<Uint8Array> {
  if (!weightsOnly) requireConfigurable(model, where);
  return writeHdf5((file) => {
    if (weightsOnly) {
      writeLayerGroups(file, model);
      return;
    }
    file.create_attribute('backend', BACKEND);
    file.create_attribute('keras_version', KERAS_VERSION);
    file.create_attribute('model_config', JSON.stringify(keras2Config(serializeLayer(model), 'h5')));
    const compiled = model.compiled?.compileConfig;
    if (compiled) {
      const losses = compiled.loss as unknown[];
      const training = { loss: losses.length === 1 ? losses[0] : losses, metrics: compiled.metrics ?? null, weighted_metrics: null, loss_weights: compiled.loss_weights ?? null, optimizer_config: withPythonFloats(compiled.optimizer as KerasSerialized) };
      file.create_attribute('training_config', pythonJson(training));
    }
    writeLayerGroups(file.create_group('model_weights'), model);
    const optimizer = kerasOptimizerVariables(model);
    if (optimizer.length > 0) {
      const group = file.create_group('optimizer_weights');
      writeNameList(group, 'weight_names', optimizer.map((variable) => variable.name));
      for (const variable of optimizer) {
        if (variable.dtype === 'int64') writeInt64Scalar(group, variable.name, variable.values as number);
        else writeArray(group, variable.name, { shape: variable.shape, dtype: 'float32', values: variable.values as Float32Array });
      }
    }
  }, where);
}

/**
 * Reads legacy layer groups as Keras's `load_weights_from_hdf5_group` does: the layers that have
 * weights, matched in order to the file's layers that list weight names, every count and shape
 * checked before anything is set.
 */
function readLayerGroups(group: H5Group, model: ModelContract, where: string, flipKernels: boolean): WeightAssignment[] {
  const layers = model.layers.filter((layer) => layer.weights.length > 0);
  const layerGroup = (name: string) => {
    const found = group.get(name) as H5Group | null;
    if (found === null) throw new Error(`Expected a group "${name}" (listed in layer_names) in "${where}", received none`);
    return found;
  };
  const listed = readNameList(group, 'layer_names').map((name) => {
    const weightsGroup = layerGroup(name);
    return { name, weightsGroup, weightNames: readNameList(weightsGroup, 'weight_names') };
  });
  const withWeights = listed.filter((entry) => entry.weightNames.length > 0);
  const names = withWeights.map((entry) => entry.name);
  if (names.length !== layers.length) {
    throw new Error(`Expected ${layers.length} layers with weights for model "${model.name}" in "${where}", received ${names.length} (${names.join(', ')})`);
  }
  return layers.flatMap((layer, index) => {
    const { weightsGroup, weightNames } = withWeights[index];
    const weights = legacyWeights(layer);
    if (weightNames.length !== weights.length) {
      throw new Error(`Expected ${weights.length} weights for layer "${layer.name}" in "${where}" (group "${names[index]}"), received ${weightNames.length}`);
    }
    return weights.map((weight, w) => {
      const array = readArray(weightsGroup, weightNames[w], where);
      if (array.shape.join() !== weight.shape.join()) {
        throw new Error(`Expected weight "${weight.path}" of shape [${weight.shape}] in "${where}" (dataset "${names[index]}/${weightNames[w]}"), received [${array.shape}]`);
      }
      if (flipKernels && w === 0 && THEANO_CONVOLUTIONS.has(layer.className)) return { weight, values: flippedKernel(array) };
      return { weight, values: weight.dtype === 'int32' ? Int32Array.from(array.values) : Float32Array.from(array.values) };
    });
  });
}

/** Layers whose kernel Theano applied as a true convolution (Keras 2's `_need_convert_kernel`). */
const THEANO_CONVOLUTIONS = new Set(['Conv1D', 'Conv2D', 'Conv3D', 'Conv2DTranspose']);

/** A kernel with every spatial axis reversed: Theano's convolution as the correlation TensorFlow computes. */
function flippedKernel(array: ReadArray): Float32Array {
  const spatialAxes = array.shape.slice(0, -2).map((_, axis) => axis);
  return tf.tidy(() => tf.reverse(tf.tensor(Float32Array.from(array.values), array.shape), spatialAxes).dataSync() as Float32Array);
}

/** Keras 2's slot names (`Adam/dense/kernel/m:0`) and the Keras 3 slots they hold. */
const KERAS2_SLOTS: Record<string, string[]> = {
  m: ['momentum'],
  v: ['velocity', 'norm'],
  vhat: ['velocity_hat'],
  rms: ['velocity'],
  mg: ['average_gradient'],
  momentum: ['momentum'],
  accumulator: ['accumulator'],
};

/**
 * Restores `optimizer_weights`: Dendrite's and Keras 3's (iteration, learning rate, slots in
 * build order), or Keras 2's (`iter`, then slots named `<var>/<m|v|…>`). A Keras 2 state whose
 * slots do not map onto this optimizer is skipped with a warning, as Keras does.
 */
function applyLegacyOptimizer(file: H5File, model: ModelContract, where: string): void {
  const group = file.get('optimizer_weights') as H5Group | null;
  if (!model.compiled || group === null) return;
  const names = readNameList(group, 'weight_names');
  const arrays: ReadArray[] = names.map((name) => readArray(group, name, where));
  if (names.length === 0) return;
  if (/(^|\/)iteration$/.test(names[0])) {
    applyKerasOptimizerVariables(model, arrays, where);
    return;
  }
  const optimizer = model.compiled.optimizer;
  const trainable = model.trainableWeights;
  const kept = new Set(optimizer.slotNames());
  const slots = [];
  let iterations = 0;
  for (let i = 0; i < names.length; i++) {
    const match = /^[^/]+\/(.+)\/([a-z_]+):\d+$/.exec(names[i]);
    if (/(^|\/)iter(ations)?(:\d+)?$/.test(names[i])) {
      iterations = arrays[i].values[0];
      continue;
    }
    const weight = match && trainable.find((w) => w.path === match[1] || match[1].endsWith(`/${w.path}`) || w.path.endsWith(`/${match[1]}`));
    const slot = match && KERAS2_SLOTS[match[2]]?.find((name) => kept.has(name));
    if (!weight || !slot || arrays[i].shape.join() !== weight.shape.join()) {
      console.warn(`Skipping the optimizer state in "${where}": its variable "${names[i]}" does not match optimizer "${optimizer.name}" of model "${model.name}"`);
      return;
    }
    slots.push({ variable: weight.variable.name, slot, shape: [...weight.shape], values: Float32Array.from(arrays[i].values) });
  }
  optimizer.setState({ iterations, slots }, trainable.map((weight) => weight.variable));
}

/**
 * Loads a whole model from Keras's legacy HDF5 format (`model.save('x.h5')` of Keras 2, tf.keras
 * or Keras 3, or Dendrite's): architecture from `model_config`, compiled from `training_config`,
 * weights from `model_weights`, and the optimizer's state.
 *
 * @throws Error naming the file and what is wrong with it; for a weights-only file, that the
 *   model must be built in code and given `loadWeights`
 */
export function modelFromLegacyH5(bytes: Uint8Array, where: string, options: LoadModelOptions = {}): Promise<ModelContract> {
  return readHdf5(bytes, where, (file) => {
    const configText = readStringAttribute(file, 'model_config');
    if (configText === undefined) {
      throw new Error(`Expected a whole model (a model_config attribute) in "${where}", received a weights-only HDF5 file: build the model in code and call loadWeights`);
    }
    let config = parseJsonObject<KerasSerialized>(configText, 'the model_config attribute', where);
    if (config.class_name === 'Sequential' && Array.isArray(config.config)) config = { class_name: 'Sequential', config: { layers: config.config } };
    config = withKerasVersionSemantics(config, readStringAttribute(file, 'keras_version'));
    const trainingText = readStringAttribute(file, 'training_config');
    const training = trainingText === undefined ? null : parseJsonText(trainingText, 'the training_config attribute', where);
    const shapes = storedShapes((file.get('model_weights') as H5Group | null) ?? file);
    checkShapesFitFile(shapes, bytes.length, where);
    checkDeclaredSizes(config, shapes, where);
    return buildModel(config, training, where, (model) => {
      refuseUnusedWeights(model.weights.length, shapes, where);
      loadLegacyH5Weights(file, model, where);
      applyLegacyOptimizer(file, model, where);
    }, options);
  });
}

/**
 * Sets a model's weights from an open legacy HDF5 file (whole model or `save_weights` output),
 * matched layer by layer in order and checked before anything is set.
 *
 * @throws Error naming the file and the group that does not fit; the model is then unchanged
 */
export function loadLegacyH5Weights(file: H5File, model: ModelContract, where: string): void {
  const group = (file.get('model_weights') as H5Group | null) ?? file;
  // Keras 2 flipped the kernels of a file written with Theano, which convolves where TensorFlow correlates.
  const backend = readStringAttribute(group, 'backend') ?? readStringAttribute(file, 'backend');
  setWeightValues(model, valuesInModelOrder(model, readLayerGroups(group, model, where, backend === 'theano'), where));
}

/** Whether an open HDF5 file holds Keras's legacy layout (`layer_names`) rather than Keras 3's `vars` groups. */
export function isLegacyH5(file: H5File): boolean {
  return file.get('model_weights') !== null || 'layer_names' in file.attrs || 'layer_names0' in file.attrs;
}
