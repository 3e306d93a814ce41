import { tf } from '@dendrite/backend';
import { checkOptionKeys, writeFileAtomic } from '@dendrite/backend/internal';
import type { ModelContract } from '../contracts/model-contract';
import { kerasArchiveBytes, kerasWeightsBytes, loadKerasArchiveWeights, modelFromKerasArchive } from './keras-archive';
import { isLegacyH5, legacyH5Bytes, loadLegacyH5Weights, modelFromLegacyH5 } from './keras-h5';
import { loadKerasWeightStore } from './keras-weight-store';
import { readHdf5 } from './hdf5';
import { loadLayersModel, saveLayersModel } from './layers-model-format';
import { LOAD_MODEL_OPTION_KEYS, type LoadModelOptions } from './load-model-options';
import { loadDendriteModel, modelPersistence } from './model-persistence';
import { nodeFs } from './node-fs';
import { type BrowserModelFiles, isBrowserModelFiles, readBrowserModelFiles } from './browser-files';
import { DOWNLOADS_FILE, downloadFile } from './browser-downloads';

/** Where `model.save` writes: a file path (its extension picks the format), a URL scheme, or a tfjs IO handler. */
export type ModelLocation = string | tf.io.IOHandler;

/**
 * What `loadModel` reads: a {@link ModelLocation}, the bytes of a `.keras`, `.h5` or Dendrite file,
 * or a page's files (`File`, `Blob`, `FileList`: one such file, or `model.json` with its weights).
 */
export type ModelSource = ModelLocation | Uint8Array | ArrayBuffer | BrowserModelFiles;

const URL_SCHEME = /^(indexeddb|localstorage|downloads|https?):\/\//;
const KERAS_FILE = /\.keras$/i;
const WEIGHTS_H5 = /\.weights\.h5$/i;
const H5_FILE = /\.(h5|hdf5|keras\.h5)$/i;
const MODEL_JSON = /(^|[/\\])model\.json$/;

type Kind = 'keras' | 'hdf5' | 'dendrite' | 'unknown';

/** The format of a file from its first bytes. */
function sniff(bytes: Uint8Array): Kind {
  const head = [...bytes.subarray(0, 8)];
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'keras';
  if (head.join() === [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a].join()) return 'hdf5';
  if (String.fromCharCode(...head.slice(0, 4)) === 'DNDR') return 'dendrite';
  return 'unknown';
}

function describeStart(bytes: Uint8Array): string {
  return bytes.length === 0 ? 'an empty file' : `a file starting with bytes [${[...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}]`;
}

/** A TF SavedModel holds a TensorFlow graph, not a Keras architecture Dendrite can rebuild. */
function refuseSavedModel(where: string): never {
  throw new Error(`Expected a Keras or TF.js layers model in "${where}", received a TensorFlow SavedModel (saved_model.pb): only Keras (.keras, .h5) and TF.js layers models (model.json) load; in TensorFlow, load it with tf.keras.models.load_model and save it with model.save('model.keras')`);
}

async function readBytes(path: string): Promise<Uint8Array> {
  if (/^https?:\/\//.test(path)) {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`Expected to fetch "${path}", received HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  const { fs } = nodeFs('loading');
  try {
    return new Uint8Array(await fs.promises.readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Expected a model file at "${path}", received ${code === 'EISDIR' ? 'a folder' : code ?? (error as Error).message}`);
  }
}

/**
 * Saves a model whole — architecture, weights, compile settings, optimizer state — in the format
 * its location names: `.keras` (Keras 3 archive), `.h5`/`.hdf5` (Keras's legacy HDF5),
 * `…/model.json`, `indexeddb://`, `localstorage://`, `downloads://`, `http(s)://` or a tfjs IO
 * handler (the TF.js Layers format), any other path Dendrite's own archive. Files are written to
 * a temporary name and renamed. In a page, `downloads://name.keras` and `downloads://name.h5`
 * download the file itself.
 *
 * @throws Error for a subclassed model in a format that needs its architecture, or a
 *   `.weights.h5` path (that is {@link saveModelWeights}' format)
 */
export async function saveModel(model: ModelContract, location: ModelLocation): Promise<void> {
  if (location === '') throw new RangeError(`Expected a file path, URL or IO handler for save() of model "${model.name}", received an empty string`);
  if (typeof location !== 'string' && (typeof location !== 'object' || location === null)) {
    throw new TypeError(`Expected a file path, URL or IO handler for save() of model "${model.name}", received ${location === null ? 'null' : typeof location}`);
  }
  if (typeof location !== 'string' || (URL_SCHEME.test(location) && !KERAS_FILE.test(location) && !H5_FILE.test(location))) {
    return saveLayersModel(model, location);
  }
  const download = DOWNLOADS_FILE.exec(location);
  if (download) return downloadFile(await saveModelBytes(model, KERAS_FILE.test(location) ? 'keras' : 'h5'), download[1]);
  if (URL_SCHEME.test(location)) {
    throw new Error(`Expected a file path for a .keras or .h5 file, received "${location}": in the browser, save the bytes of saveModelBytes(model, 'keras') (a Blob, a fetch body) or use the TF.js format`);
  }
  if (MODEL_JSON.test(location)) return saveLayersModel(model, location.replace(MODEL_JSON, '') || '.');
  if (KERAS_FILE.test(location)) return writeFileAtomic(location, await kerasArchiveBytes(model, location));
  if (WEIGHTS_H5.test(location)) throw new Error(`Expected a whole-model path (.keras, .h5, model.json) for save() of model "${model.name}", received "${location}": .weights.h5 is saveWeights' format`);
  if (H5_FILE.test(location)) return writeFileAtomic(location, await legacyH5Bytes(model, location, false));
  return modelPersistence.save(model, location);
}

/**
 * Loads a model saved whole: a `.keras` archive, a legacy `.h5`, a TF.js `model.json` (a folder
 * holding one, its path, a URL scheme or an IO handler) or Dendrite's archive — told apart by
 * their first bytes, not their names. Bytes (`Uint8Array`, `ArrayBuffer`) are read as a file, and
 * so are a page's files (`File`, `Blob`, a `FileList` from an input or a drop): one `.keras` or
 * `.h5` file, or `model.json` with the weight files it names.
 * Nothing in a file is evaluated; every weight is checked against the architecture before it is set.
 *
 * User classes and functions the file names (a custom layer, a loss or metric function) are
 * passed in `options.customObjects`, as Keras's `custom_objects`: they take precedence over
 * the registry (`registerClass`), for this load only.
 *
 * @param source a path, URL, IO handler, the file's bytes, or a page's `File`s
 * @param options `customObjects`, and `compile: false` to load the model uncompiled
 * @throws Error naming the file and what is wrong with it; for a class or function the file
 *   names and nobody registered, how to pass it in `customObjects`
 * @throws TypeError for an unknown option key
 * @example
 * ```ts
 * const model = await loadModel('model.keras', { customObjects: { LearnedScale, huberLoss } });
 * ```
 */
export async function loadModel(source: ModelSource, options: LoadModelOptions = {}): Promise<ModelContract> {
  checkOptionKeys(options, LOAD_MODEL_OPTION_KEYS, 'loadModel');
  if (isBrowserModelFiles(source)) {
    const input = await readBrowserModelFiles(source);
    return input.kind === 'bytes' ? loadModelBytes(input.bytes, input.where, options) : loadLayersModel(input.handler, options);
  }
  if (typeof source !== 'string' && !(source instanceof Uint8Array) && !(source instanceof ArrayBuffer)) return loadLayersModel(source, options);
  if (typeof source === 'string' && URL_SCHEME.test(source) && !KERAS_FILE.test(source) && !H5_FILE.test(source)) return loadLayersModel(source, options);
  if (typeof source === 'string' && MODEL_JSON.test(source)) return loadLayersModel(source.replace(MODEL_JSON, '') || '.', options);
  if (typeof source === 'string' && !URL_SCHEME.test(source)) {
    const { fs } = nodeFs('loading');
    const stat = await fs.promises.stat(source).catch(() => null);
    if (stat?.isDirectory()) {
      if (await fs.promises.stat(`${source}/saved_model.pb`).catch(() => null)) refuseSavedModel(source);
      return loadLayersModel(source, options);
    }
    if (/(^|[/\\])saved_model\.pb(txt)?$/.test(source)) refuseSavedModel(source);
  }
  const where = typeof source === 'string' ? source : 'the given bytes';
  const bytes = typeof source === 'string' ? await readBytes(source) : source instanceof ArrayBuffer ? new Uint8Array(source) : (source as Uint8Array);
  return loadModelBytes(bytes, where, options);
}

/** A model from a file's bytes, its format told by its first bytes. */
async function loadModelBytes(bytes: Uint8Array, where: string, options: LoadModelOptions): Promise<ModelContract> {
  switch (sniff(bytes)) {
    case 'keras':
      return modelFromKerasArchive(bytes, where, options);
    case 'hdf5':
      return modelFromLegacyH5(bytes, where, options);
    case 'dendrite':
      return loadDendriteModel(bytes, where, options);
    default:
      throw new Error(`Expected a .keras archive, an HDF5 file, a TF.js model.json or a Dendrite archive in "${where}", received ${describeStart(bytes)}`);
  }
}

/**
 * A model as the bytes of a file — `'keras'` (Keras 3 archive) or `'h5'` (Keras's legacy HDF5) —
 * for the browser (a Blob to download or upload) or any storage that is not a file path.
 *
 * @example
 * ```ts
 * const blob = new Blob([await saveModelBytes(model, 'keras')]);
 * ```
 */
export function saveModelBytes(model: ModelContract, format: 'keras' | 'h5'): Promise<Uint8Array> {
  const where = `${model.name}.${format}`;
  return format === 'keras' ? kerasArchiveBytes(model, where) : legacyH5Bytes(model, where, false);
}

/**
 * Saves a model's weights (and its optimizer's state): `.weights.h5` as Keras 3's
 * `save_weights`, `.h5`/`.hdf5` as Keras 2's, any other path as Dendrite's archive. Works for
 * subclassed models too.
 */
export async function saveModelWeights(model: ModelContract, path: string): Promise<void> {
  if (KERAS_FILE.test(path)) throw new Error(`Expected a weights path (.weights.h5, .h5) for saveWeights() of model "${model.name}", received "${path}": .keras holds a whole model, use save()`);
  if (WEIGHTS_H5.test(path)) return writeFileAtomic(path, await kerasWeightsBytes(model, path));
  if (H5_FILE.test(path)) return writeFileAtomic(path, await legacyH5Bytes(model, path, true));
  return modelPersistence.saveWeights(model, path);
}

/**
 * Sets a model's weights from a file of any format {@link saveModelWeights} or {@link saveModel}
 * writes (told apart by their bytes), checking every count and shape first: a failed load leaves
 * the model as it was.
 */
export async function loadModelWeights(model: ModelContract, path: string): Promise<void> {
  const bytes = await readBytes(path);
  switch (sniff(bytes)) {
    case 'keras':
      return loadKerasArchiveWeights(model, bytes, path);
    case 'hdf5':
      // One open file serves both the layout check and the load; readHdf5 closes it on every path.
      return readHdf5(bytes, path, (file) => (isLegacyH5(file) ? loadLegacyH5Weights(file, model, path) : loadKerasWeightStore(file, model, path)));
    case 'dendrite':
      return modelPersistence.loadWeights(model, bytes, path);
    default:
      throw new Error(`Expected saved weights (.weights.h5, .h5, .keras or a Dendrite archive) in "${path}", received ${describeStart(bytes)}`);
  }
}
