import { tf } from '@dendrite/backend';
import { serializeLayer } from '@dendrite/layers';
import type { Model } from '../model';
import { buildModel } from './build-model';
import { setWeightValues } from './weight-values';
import { type ArchiveEntry, readTensorArchive, writeTensorArchive } from './tensor-archive';

function weightEntries(model: Model): ArchiveEntry[] {
  return model.weights.map((weight) => ({
    name: weight.path,
    shape: [...weight.shape],
    dtype: weight.dtype === 'int32' ? 'int32' : 'float32',
    values: weight.read().dataSync() as Float32Array | Int32Array,
  }));
}

/**
 * Checks archived weights against the model (count, then each shape) before changing anything,
 * then sets them all: a failed load leaves the model as it was.
 */
function applyWeights(model: Model, entries: ArchiveEntry[], path: string): void {
  const weights = model.weights;
  if (entries.length !== weights.length) {
    throw new Error(`Expected ${weights.length} weights for model "${model.name}" in "${path}", received ${entries.length}`);
  }
  entries.forEach((entry, index) => {
    if (!tf.util.arraysEqual(entry.shape, weights[index].shape)) {
      throw new Error(
        `Expected weight "${weights[index].path}" of shape [${weights[index].shape}] in "${path}", received "${entry.name}" of shape [${entry.shape}]`,
      );
    }
  });
  setWeightValues(model, entries.map((entry) => entry.values));
}

/**
 * Dendrite's own archive format: weights, the model's config and compile settings, and the
 * optimizer's state, keyed by weight path. Used for paths without a Keras or TF.js extension and
 * for BackupAndRestore's training state. Node file paths; writes are atomic.
 */
export const modelPersistence = {
  async saveWeights(model: Model, path: string): Promise<void> {
    await writeTensorArchive(path, { format: 'dendrite-weights', model: model.name }, weightEntries(model));
  },

  async loadWeights(model: Model, path: string): Promise<void> {
    const { header, entries } = await readTensorArchive(path);
    if (header.format !== 'dendrite-weights' && header.format !== 'dendrite-model' && header.format !== 'dendrite-training-state') {
      throw new Error(`Expected saved weights in "${path}", received an archive of format ${String(header.format)}`);
    }
    applyWeights(model, entries.filter((entry) => !entry.name.startsWith('optimizer/')), path);
  },

  async save(model: Model, path: string): Promise<void> {
    const optimizer = model.compiled?.getOptimizerState() ?? { config: null, entries: [] };
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

  async saveTrainingState(model: Model, path: string): Promise<void> {
    const optimizer = model.requireCompiled('saveTrainingState').getOptimizerState();
    await writeTensorArchive(path, { format: 'dendrite-training-state', optimizer_config: optimizer.config }, [...weightEntries(model), ...optimizer.entries]);
  },

  async loadTrainingState(model: Model, path: string): Promise<void> {
    const compiled = model.requireCompiled('loadTrainingState');
    const { header, entries } = await readTensorArchive(path);
    if (header.format !== 'dendrite-training-state' && header.format !== 'dendrite-model') {
      throw new Error(`Expected a training state in "${path}", received an archive of format ${String(header.format)}`);
    }
    const optimizerEntries = entries.filter((entry) => entry.name.startsWith('optimizer/'));
    const before = model.getWeights();
    applyWeights(model, entries.filter((entry) => !entry.name.startsWith('optimizer/')), path);
    try {
      compiled.setOptimizerState(optimizerEntries, path);
    } catch (error) {
      model.setWeights(before);
      throw error;
    } finally {
      tf.dispose(before);
    }
  },
};

/**
 * Loads a model saved in Dendrite's archive: architecture from its config (no code is
 * evaluated), weights, and — when it was compiled — compile settings and optimizer state.
 *
 * @throws Error naming the file and what is wrong with it
 */
export async function loadDendriteModel(path: string): Promise<Model> {
  const { header, entries } = await readTensorArchive(path);
  if (header.format !== 'dendrite-model') throw new Error(`Expected a saved model in "${path}", received an archive of format ${String(header.format)}`);
  return buildModel(header.model_config, header.compile_config as Record<string, unknown> | null, path, (model) => {
    applyWeights(model, entries.filter((entry) => !entry.name.startsWith('optimizer/')), path);
    model.compiled?.setOptimizerState(entries.filter((entry) => entry.name.startsWith('optimizer/')), path);
  });
}
