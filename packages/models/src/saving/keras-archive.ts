import { readZip, writeZip } from '@dendrite/backend/internal';
import { type LayerNode, type SymbolicTensor, serializeLayer } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';
import { readHdf5, writeHdf5 } from './hdf5';
import { buildModel } from './build-model';
import type { LoadModelOptions } from './load-model-options';
import { type TensorSpecOf, compileConfigToKeras3, modelConfigToKeras3, pythonJson } from './keras-v3-config';
import { loadKerasWeightStore, writeKerasWeightStore } from './keras-weight-store';
import { parseJsonObject } from './parse-json';
import { withKerasVersionSemantics } from './keras-version-semantics';
import { checkDeclaredSizes, checkShapesFitFile, refuseUnusedWeights, storedShapes } from './declared-sizes';
import { kerasAssetEntries, loadKerasAssets } from './keras-assets';

/** The Keras version whose `.keras` layout these files follow (written to `metadata.json`). */
export const KERAS_FORMAT_VERSION = '3.6.0';

const CONFIG = 'config.json';
const METADATA = 'metadata.json';
const WEIGHTS = 'model.weights.h5';

/** `2026-11-30@01:02:03`, as Keras's `date_saved`. */
function dateSaved(date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}@${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A model that can describe itself as a config: Sequential or functional, not subclassed. */
export function requireConfigurable(model: ModelContract, where: string): void {
  if (!model.isContainer) {
    throw new Error(
      `Expected a Sequential or functional model to save its architecture to "${where}", received ${model.className} "${model.name}", whose architecture is code: save its weights with saveWeights("….weights.h5")`,
    );
  }
}

/** Shapes and dtypes of a functional model's tensors, by Keras reference `[layer, node, tensor]`. */
function tensorSpecs(model: ModelContract): TensorSpecOf | undefined {
  if (model.className !== 'Functional') return undefined;
  const functional = model as ModelContract & { graphNodes: readonly LayerNode[] };
  return (layerName, nodeIndex, tensorIndex) => {
    const layer = functional.layers.find((candidate) => candidate.name === layerName);
    const nodes = layer?.inboundNodes.filter((node) => node.inputs.length === 0 || functional.graphNodes.includes(node)) ?? [];
    const symbol = nodes[nodeIndex]?.outputs[tensorIndex] as SymbolicTensor | undefined;
    return { shape: symbol ? [...symbol.shape] : null!, dtype: symbol?.dtype ?? 'float32' };
  };
}

/**
 * A model as a Keras 3 `.keras` archive: `metadata.json`, `config.json` (the architecture and
 * compile settings in Keras 3's serialization) and `model.weights.h5` (the variables, the
 * optimizer's included), stored uncompressed as Keras writes it.
 *
 * @throws Error for a subclassed model (its architecture is code)
 */
export async function kerasArchiveBytes(model: ModelContract, where: string): Promise<Uint8Array> {
  requireConfigurable(model, where);
  const compile = compileConfigToKeras3(model.compiled?.compileConfig ?? null);
  const config = modelConfigToKeras3(serializeLayer(model), compile, tensorSpecs(model));
  const metadata = { keras_version: KERAS_FORMAT_VERSION, date_saved: dateSaved(), saved_by: 'dendrite' };
  const weights = await writeHdf5((file) => writeKerasWeightStore(file, model), `${where}/${WEIGHTS}`);
  const encode = (value: unknown) => new TextEncoder().encode(pythonJson(value));
  return writeZip([
    [METADATA, encode(metadata)],
    [CONFIG, encode(config)],
    [WEIGHTS, weights],
    ...kerasAssetEntries(model),
  ]);
}

function parseJson(bytes: Uint8Array | undefined, name: string, where: string): Record<string, unknown> {
  if (bytes === undefined) throw new Error(`Expected ${name} in the .keras archive "${where}", received an archive without it`);
  return parseJsonObject(new TextDecoder().decode(bytes), name, where);
}

/**
 * Loads a Keras 3 `.keras` archive: the architecture from `config.json` (through the layer
 * registry; nothing is evaluated), compiled when it has a `compile_config`, then every weight
 * and the optimizer's state from `model.weights.h5`, each checked against the model first.
 *
 * @throws Error naming the file and what is wrong with it
 */
export async function modelFromKerasArchive(bytes: Uint8Array, where: string, options: LoadModelOptions = {}): Promise<ModelContract> {
  const files = readZip(bytes, where, [CONFIG, METADATA, WEIGHTS, 'model.weights.npz'], options.decompressionLimits);
  const metadata = files.has(METADATA) ? parseJson(files.get(METADATA), METADATA, where) : {};
  const config = withKerasVersionSemantics(parseJson(files.get(CONFIG), CONFIG, where), typeof metadata.keras_version === 'string' ? metadata.keras_version : 'dendrite');
  const weights = files.get(WEIGHTS);
  if (weights === undefined) {
    throw new Error(`Expected ${WEIGHTS} in the .keras archive "${where}", received ${files.has('model.weights.npz') ? 'model.weights.npz (the npz weights format is not read here)' : 'no weights file'}`);
  }
  return readHdf5(weights, `${where}/${WEIGHTS}`, (file) => {
    // The stored shapes bound the model before it is built (and allocates its weights).
    const shapes = storedShapes(file, (key) => key === 'optimizer');
    checkShapesFitFile(shapes, weights.length, where);
    checkDeclaredSizes(config, shapes, where);
    return buildModel(config, config.compile_config as Record<string, unknown> | null, where, (model) => {
      refuseUnusedWeights(model.weights.length, shapes, where);
      loadKerasWeightStore(file, model, where);
      loadKerasAssets(model, (names) => readZip(bytes, where, names, options.decompressionLimits));
    }, options);
  });
}

/** The weights (and optimizer state) of a model as Keras 3's `.weights.h5`. */
export function kerasWeightsBytes(model: ModelContract, where: string): Promise<Uint8Array> {
  return writeHdf5((file) => writeKerasWeightStore(file, model), where);
}

/**
 * Sets a model's weights (and its optimizer's state when the archive has one and the model is
 * compiled) from the `model.weights.h5` of a `.keras` archive. Everything is checked first; a
 * failure leaves the model as it was.
 */
export async function loadKerasArchiveWeights(model: ModelContract, bytes: Uint8Array, where: string): Promise<void> {
  const weights = readZip(bytes, where, [WEIGHTS]).get(WEIGHTS);
  if (weights === undefined) throw new Error(`Expected ${WEIGHTS} in the .keras archive "${where}", received an archive without it`);
  await readHdf5(weights, `${where}/${WEIGHTS}`, (file) => loadKerasWeightStore(file, model, where));
}
