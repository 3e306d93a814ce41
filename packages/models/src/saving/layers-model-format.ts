import { tf } from '@dendrite/backend';
import { type KerasSerialized, describeValue } from '@dendrite/backend/internal';
import { serializeLayer } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';
import { buildModel } from './build-model';
import type { LoadModelOptions } from './load-model-options';
import { keras2Config } from './keras2-config';
import { setWeightValues } from './weight-values';
import { nodeFs } from './node-fs';
import { checkDeclaredSizes, refuseUnusedWeights } from './declared-sizes';
import { readWeightFile, weightFileChecks, writeLayersModelFiles } from './layers-model-files';
import { topologyFromTfjs } from './tfjs-layer-config';
import { tfjsWeightNames } from './tfjs-weight-names';
import { type TfjsWeightSpec, storedBytes, weightValues } from './tfjs-weight-values';

/** The TF.js Layers format: `model.json` (topology and weight manifest) beside `weights.bin`. */
export interface LayersModelJson {
  modelTopology: { class_name: string; config: Record<string, unknown>; keras_version?: string; backend?: string };
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest: Array<{ paths: string[]; weights: TfjsWeightSpec[] }>;
}

/** Where the TF.js Layers format goes or comes from: a folder, a URL scheme, or a tfjs IO handler. */
export type LayersModelLocation = string | tf.io.IOHandler;

const BROWSER_SCHEMES = /^(indexeddb|localstorage|downloads):\/\//;
const HTTP = /^https?:\/\//;

/** The model as TF.js's `ModelArtifacts`: topology, weight specs and one weight buffer. */
export function toModelArtifacts(model: ModelContract): tf.io.ModelArtifacts {
  const weights = model.weights;
  const names = tfjsWeightNames(model);
  const weightSpecs = weights.map((w, i) => ({ name: names[i], shape: [...w.shape], dtype: (w.dtype === 'int32' ? 'int32' : 'float32') as 'int32' | 'float32' }));
  const total = weights.reduce((sum, w) => sum + tf.util.sizeFromShape(w.shape) * 4, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const weight of weights) {
    const values = weight.read().dataSync() as Float32Array | Int32Array;
    data.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), offset);
    offset += values.byteLength;
  }
  return {
    modelTopology: { ...keras2Config(serializeLayer(model), 'tfjs'), keras_version: 'dendrite', backend: 'tensor_flow.js' },
    format: 'layers-model',
    generatedBy: 'dendrite',
    convertedBy: null,
    weightSpecs,
    weightData: data.buffer,
  };
}

/** The IO handler of a URL (`indexeddb://`, `localstorage://`, `downloads://`, `http(s)://`), or null for a folder. */
function handlerFor(location: LayersModelLocation, purpose: 'save' | 'load'): tf.io.IOHandler | null {
  if (typeof location !== 'string') return location;
  if (HTTP.test(location)) return tf.io.http(location);
  if (!BROWSER_SCHEMES.test(location)) return null;
  const handlers = purpose === 'save' ? tf.io.getSaveHandlers(location) : tf.io.getLoadHandlers(location);
  if (handlers.length === 0) throw new Error(`Expected a browser (with IndexedDB, localStorage or downloads) to ${purpose} "${location}", received a runtime without that storage`);
  return handlers[0];
}

/**
 * Saves a model in the TF.js Layers format, so `tf.loadLayersModel` of tfjs-layers reads it: in
 * Node, `directory/model.json` and `directory/weights.<hash>.bin`, switched as one (see
 * {@link writeLayersModelFiles}: a kill mid-save leaves the old pair or the new one); in the
 * browser, `indexeddb://name`, `localstorage://name` or `downloads://name`; `http(s)://` POSTs
 * both files as tfjs does; a tfjs `IOHandler` is used as it is.
 */
export async function saveLayersModel(model: ModelContract, location: LayersModelLocation): Promise<void> {
  const artifacts = toModelArtifacts(model);
  const handler = handlerFor(location, 'save');
  if (handler) {
    if (!handler.save) throw new Error(`Expected an IO handler that can save, received one without save() for ${String(location)}`);
    await handler.save(artifacts);
    return;
  }
  const directory = location as string;
  const json: LayersModelJson = {
    modelTopology: artifacts.modelTopology as LayersModelJson['modelTopology'],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [], weights: artifacts.weightSpecs as LayersModelJson['weightsManifest'][0]['weights'] }],
  };
  await writeLayersModelFiles(directory, { ...json }, new Uint8Array(artifacts.weightData as ArrayBuffer));
}

/**
 * Loads a model saved in the TF.js Layers format (by tfjs-layers or by {@link saveLayersModel}):
 * the topology through the layer registry (no code is evaluated), the weights checked against the
 * manifest — names, shapes, dtypes and byte lengths — before anything is set, and weight files
 * kept inside `directory`. `options` as {@link LoadModelOptions}.
 *
 * @throws Error naming the file and what is wrong with it
 */
export async function loadLayersModel(location: LayersModelLocation, options: LoadModelOptions = {}): Promise<ModelContract> {
  const handler = handlerFor(location, 'load');
  if (handler) {
    if (!handler.load) throw new Error(`Expected an IO handler that can load, received one without load() for ${String(location)}`);
    const artifacts = await handler.load();
    const where = typeof location === 'string' ? location : 'the IO handler';
    refuseGraphModel(artifacts, where);
    const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.concatenateArrayBuffers(Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData]);
    return modelFromParts(artifacts.modelTopology as LayersModelJson['modelTopology'], (artifacts.weightSpecs ?? []) as LayersModelJson['weightsManifest'][0]['weights'], new Uint8Array(weightData), where, options);
  }
  const directory = location as string;
  const { fs } = nodeFs('loading');
  const jsonPath = `${directory}/model.json`;
  let json: LayersModelJson;
  try {
    json = JSON.parse(new TextDecoder().decode(await fs.promises.readFile(jsonPath)));
  } catch (error) {
    throw new Error(`Expected a TF.js model.json in "${jsonPath}", received ${(error as Error).message}`);
  }
  refuseGraphModel(json, jsonPath);
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new Error(`Expected modelTopology and weightsManifest in "${jsonPath}", received keys [${Object.keys(json).join(', ')}]`);
  }
  if (!json.weightsManifest.every((group) => typeof group === 'object' && group !== null && Array.isArray(group.paths) && Array.isArray(group.weights))) {
    throw new Error(`Expected weightsManifest groups with "paths" and "weights" lists in "${jsonPath}", received ${JSON.stringify(json.weightsManifest).slice(0, 120)}`);
  }
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  // What the manifest declares bounds what is read: a weight file larger than that is refused unread.
  let remaining = specs.reduce((n, spec) => n + storedBytes(spec, jsonPath), 0);
  const checks = weightFileChecks(json as { weightFiles?: unknown }, jsonPath);
  const buffers: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    for (const file of group.paths) {
      const buffer = await readWeightFile(directory, file, jsonPath, checks.get(file), remaining);
      remaining -= buffer.length;
      buffers.push(buffer);
    }
  }
  const data = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const buffer of buffers) {
    data.set(buffer, at);
    at += buffer.length;
  }
  return modelFromParts(json.modelTopology, specs, data, jsonPath, options);
}

/**
 * Refuses a TF.js graph model (`format: 'graph-model'`, a frozen TensorFlow graph as a GraphDef
 * topology, what tfjs-converter writes for a SavedModel): it holds ops, not layers, and has no
 * Keras architecture to rebuild.
 */
function refuseGraphModel(json: { format?: string; modelTopology?: unknown }, where: string): void {
  const topology = json.modelTopology as { node?: unknown } | undefined;
  if (json.format === 'graph-model' || (topology !== undefined && topology !== null && Array.isArray(topology.node))) {
    throw new Error(`Expected a TF.js layers model in "${where}", received a TF.js graph model (format "graph-model", a frozen TensorFlow graph without layers): only Keras and TF.js layers models load here; load it with @tensorflow/tfjs-converter's loadGraphModel, or convert the Keras model with tensorflowjs_converter --output_format tfjs_layers_model`);
  }
}

/**
 * Checks the shape of a topology before its translation (a damaged `"class_name"` or `"config"` key
 * must not end in a bare JS error): the model and every entry of `config.layers`, nested models'
 * too, are objects with a string `class_name` and an object `config` (or a Sequential's list).
 *
 * @throws Error naming the file, the entry (`modelTopology.config.layers[0]`) and the key
 */
function checkLayerEntries(entry: unknown, at: string, jsonPath: string): void {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`Expected ${at} in "${jsonPath}" to be an object {class_name, config}, received ${describeValue(entry)}`);
  const { class_name: className, config } = entry as { class_name?: unknown; config?: unknown };
  const keys = `(keys ${Object.keys(entry).join(', ')})`;
  if (typeof className !== 'string') throw new Error(`Expected the key "class_name" of ${at} in "${jsonPath}" to be a string, received ${describeValue(className)} ${keys}`);
  if (typeof config !== 'object' || config === null) throw new Error(`Expected the key "config" of ${at} in "${jsonPath}" to be an object, received ${describeValue(config)} ${keys}`);
  // Keras 1 and early tfjs Sequential files hold the layer list as the config itself.
  const layers = Array.isArray(config) ? config : (config as { layers?: unknown }).layers;
  if (Array.isArray(layers)) layers.forEach((layer, i) => checkLayerEntries(layer, `${at}.config${Array.isArray(config) ? '' : '.layers'}[${i}]`, jsonPath));
}

/**
 * Builds the model of a topology and sets its weights, checked against the specs (names, shapes,
 * dtypes, byte lengths) before anything is set.
 */
function modelFromParts(modelTopology: LayersModelJson['modelTopology'], specs: LayersModelJson['weightsManifest'][0]['weights'], data: Uint8Array, jsonPath: string, options: LoadModelOptions): ModelContract {
  if (!modelTopology) throw new Error(`Expected a modelTopology in "${jsonPath}", received none`);
  // tfjs-layers counts the calls of a nested model from node 1, Dendrite from 0: buildModel reads either.
  const serialized = (modelTopology as { model_config?: KerasSerialized }).model_config ?? (modelTopology as KerasSerialized);
  checkLayerEntries(serialized, 'modelTopology', jsonPath);
  let topology: unknown;
  try {
    topology = topologyFromTfjs(serialized);
  } catch (error) {
    // A damaged key (`clas_name`, `confi`) fails deep in the translation: name the file.
    throw new Error(`Expected a TF.js layers topology in "${jsonPath}", received one that fails: ${(error as Error).message}`, { cause: error });
  }
  // The manifest is checked against the bytes before the model (and its weights) is made.
  const needed = specs.reduce((n, spec) => n + storedBytes(spec, jsonPath), 0);
  if (data.length !== needed) throw new Error(`Expected ${needed} bytes of weights for "${jsonPath}", received ${data.length}`);
  const byName = new Map<string, { values: Float32Array | Int32Array; shape: number[]; dtype: string }>();
  let offset = 0;
  for (const spec of specs) {
    const length = storedBytes(spec, jsonPath);
    byName.set(spec.name, { values: weightValues(spec, data.slice(offset, offset + length)), shape: spec.shape, dtype: spec.dtype });
    offset += length;
  }
  const shapes = specs.map((spec) => spec.shape);
  checkDeclaredSizes(topology, shapes, jsonPath);
  return buildModel(topology, null, jsonPath, (model) => {
    refuseUnusedWeights(model.weights.length, shapes, jsonPath);
    const names = tfjsWeightNames(model);
    const values = model.weights.map((weight, i) => {
      // Named as tfjs-layers names them (lstm/kernel); model.json files of earlier Dendrites used weight paths (lstm_cell/kernel).
      const found = byName.get(names[i]) ?? byName.get(weight.path);
      if (!found) throw new Error(`Expected a weight "${names[i]}" in "${jsonPath}", received ${[...byName.keys()].join(', ')}`);
      if (!tf.util.arraysEqual(found.shape, weight.shape)) {
        throw new Error(`Expected weight "${weight.path}" of shape [${weight.shape}] in "${jsonPath}", received [${found.shape}]`);
      }
      // Bits of one dtype read as the other would load silently wrong.
      if (found.dtype !== (weight.dtype === 'int32' ? 'int32' : 'float32')) {
        throw new Error(`Expected weight "${weight.path}" of dtype ${weight.dtype} in "${jsonPath}", received ${found.dtype}`);
      }
      return found.values;
    });
    setWeightValues(model, values);
  }, options);
}
