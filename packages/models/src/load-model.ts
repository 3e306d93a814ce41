import type { Model } from './model';
import type { LoadModelOptions } from './saving/load-model-options';
import { type LayersModelLocation, loadLayersModel as loadLayersModelFrom } from './saving/layers-model-format';
import { type ModelSource, loadModel as loadModelFrom } from './saving/model-io';

/**
 * Loads a model saved whole: a `.keras` archive, a legacy `.h5`, a TF.js `model.json` (a folder
 * holding one, its path, a URL scheme or an IO handler) or Dendrite's archive — told apart by
 * their first bytes, not their names. Bytes (`Uint8Array`, `ArrayBuffer`) are read as a file.
 * Nothing in a file is evaluated; every weight is checked against the architecture before it is set.
 *
 * User classes and functions the file names (a custom layer, a loss or metric function) are
 * passed in `options.customObjects`, as Keras's `custom_objects`: they take precedence over
 * the registry (`registerClass`), for this load only.
 *
 * (`saving/` builds the model through the registries and sees it as a `ModelContract`; every model
 * class extends {@link Model}, which is what this returns.)
 *
 * @param source a path, URL, IO handler or the file's bytes
 * @param options `customObjects`, and `compile: false` to load the model uncompiled
 * @throws Error naming the file and what is wrong with it; for a class or function the file
 *   names and nobody registered, how to pass it in `customObjects`
 * @throws TypeError for an unknown option key
 * @example
 * ```ts
 * const model = await loadModel('model.keras', { customObjects: { LearnedScale, huberLoss } });
 * ```
 */
export function loadModel(source: ModelSource, options: LoadModelOptions = {}): Promise<Model> {
  return loadModelFrom(source, options) as Promise<Model>;
}

/**
 * Loads a model saved in the TF.js Layers format (by tfjs-layers or by `saveLayersModel`): the
 * topology through the layer registry (no code is evaluated), the weights checked against the
 * manifest — names, shapes, dtypes and byte lengths — before anything is set, and weight files
 * kept inside the folder. The location is a folder, a URL scheme (`indexeddb://`, `http(s)://`, …)
 * or a tfjs IO handler; `options` as {@link LoadModelOptions}.
 *
 * @throws Error naming the file and what is wrong with it
 * @example
 * ```ts
 * const model = await loadLayersModel('indexeddb://my-model');
 * ```
 */
export function loadLayersModel(location: LayersModelLocation, options: LoadModelOptions = {}): Promise<Model> {
  return loadLayersModelFrom(location, options) as Promise<Model>;
}
