import { tf } from '@dendrite/backend';
import { serializeLayer } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';
import { buildModel } from './build-model';
import type { LoadModelOptions } from './load-model-options';
import { setWeightValues } from './weight-values';
import { type ArchiveEntry, parseTensorArchive, readTensorArchive, writeTensorArchive } from './tensor-archive';
import { checkDeclaredSizes, refuseUnusedWeights } from './declared-sizes';
import { isOptimizerEntry, optimizerArchiveState, restoreOptimizerArchiveState } from './optimizer-archive-state';

function weightEntries(model: ModelContract): ArchiveEntry[] {
  return model.weights.map((weight) => ({
    name: weight.path,
    shape: [...weight.shape],
    dtype: weight.dtype === 'int32' ? 'int32' : 'float32',
    values: weight.read().dataSync() as Float32Array | Int32Array,
  }));
}

/**
 * Checks archived weights against the model (count, then each shape) without changing anything.
 *
 * @returns the values in `model.weights` order, for {@link setWeightValues}
 */
function checkedWeightValues(model: ModelContract, entries: ArchiveEntry[], where: string): Array<Float32Array | Int32Array> {
  const weights = model.weights;
  if (entries.length !== weights.length) {
    throw new Error(`Expected ${weights.length} weights for model "${model.name}" in "${where}", received ${entries.length}`);
  }
  entries.forEach((entry, index) => {
    if (!tf.util.arraysEqual(entry.shape, weights[index].shape)) {
      throw new Error(
        `Expected weight "${weights[index].path}" of shape [${weights[index].shape}] in "${where}", received "${entry.name}" of shape [${entry.shape}]`,
      );
    }
  });
  return entries.map((entry) => entry.values);
}

/**
 * Sets an archive's weights and (for a compiled model) its optimizer state, checking both before
 * either changes: a failed load leaves the model as it was.
 */
function applyArchive(model: ModelContract, entries: ArchiveEntry[], where: string): void {
  const values = checkedWeightValues(model, entries.filter((entry) => !isOptimizerEntry(entry)), where);
  // The optimizer's setter checks every slot before it changes anything, so it goes first; the
  // weights, checked above, cannot fail after it. No copy of the old weights is needed.
  if (model.compiled !== undefined) restoreOptimizerArchiveState(model, entries.filter(isOptimizerEntry), where);
  setWeightValues(model, values);
}

/**
 * Dendrite's own archive format: weights, the model's config and compile settings, and the
 * optimizer's state, keyed by weight path. Used for paths without a Keras or TF.js extension and
 * for BackupAndRestore's training state. Writes go to Node file paths, atomically; loads of
 * weights and models take the bytes `loadModel`/`loadModelWeights` already read to sniff them.
 */
export const modelPersistence = {
  async saveWeights(model: ModelContract, path: string): Promise<void> {
    await writeTensorArchive(path, { format: 'dendrite-weights', model: model.name }, weightEntries(model));
  },

  /**
   * Sets a model's weights from the bytes of an archive of any Dendrite format (its optimizer
   * state, if any, is not read), every count and shape checked first.
   */
  loadWeights(model: ModelContract, bytes: Uint8Array, where: string): void {
    const { header, entries } = parseTensorArchive(bytes, where);
    if (header.format !== 'dendrite-weights' && header.format !== 'dendrite-model' && header.format !== 'dendrite-training-state') {
      throw new Error(`Expected saved weights in "${where}", received an archive of format ${String(header.format)}`);
    }
    setWeightValues(model, checkedWeightValues(model, entries.filter((entry) => !isOptimizerEntry(entry)), where));
  },

  async save(model: ModelContract, path: string): Promise<void> {
    const optimizer = model.compiled === undefined ? { config: null, entries: [] } : optimizerArchiveState(model);
    await writeTensorArchive(
      path,
      {
        format: 'dendrite-model',
        model_config: serializeLayer(model),
        compile_config: model.compiled?.compileConfig ?? null,
        optimizer_config: optimizer.config,
      },
      [...weightEntries(model), ...optimizer.entries],
    );
  },

  async saveTrainingState(model: ModelContract, path: string): Promise<void> {
    model.requireCompiled('saveTrainingState');
    const optimizer = optimizerArchiveState(model);
    await writeTensorArchive(path, { format: 'dendrite-training-state', optimizer_config: optimizer.config }, [...weightEntries(model), ...optimizer.entries]);
  },

  /**
   * Restores {@link modelPersistence.saveTrainingState}'s file (or a saved model's weights and
   * optimizer state) onto a compiled model; a failed load leaves the model as it was.
   */
  async loadTrainingState(model: ModelContract, path: string): Promise<void> {
    model.requireCompiled('loadTrainingState');
    const { header, entries } = await readTensorArchive(path);
    if (header.format !== 'dendrite-training-state' && header.format !== 'dendrite-model') {
      throw new Error(`Expected a training state in "${path}", received an archive of format ${String(header.format)}`);
    }
    applyArchive(model, entries, path);
  },
};

/**
 * Loads a model from the bytes of Dendrite's archive: architecture from its config (no code is
 * evaluated), weights, and — when it was compiled — compile settings and optimizer state.
 *
 * @param where the file's name (or what the bytes came from) for error messages
 * @throws Error naming `where` and what is wrong with the archive
 */
export function loadDendriteModel(bytes: Uint8Array, where: string, options: LoadModelOptions = {}): ModelContract {
  const { header, entries } = parseTensorArchive(bytes, where);
  if (header.format !== 'dendrite-model') throw new Error(`Expected a saved model in "${where}", received an archive of format ${String(header.format)}`);
  const shapes = entries.filter((entry) => !isOptimizerEntry(entry)).map((entry) => entry.shape);
  checkDeclaredSizes(header.model_config, shapes, where);
  return buildModel(header.model_config, header.compile_config as Record<string, unknown> | null, where, (model) => {
    refuseUnusedWeights(model.weights.length, shapes, where);
    applyArchive(model, entries, where);
  }, options);
}
