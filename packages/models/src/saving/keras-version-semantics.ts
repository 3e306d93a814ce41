import type { KerasSerialized } from '@dendrite/backend/internal';

type Json = Record<string, unknown>;

/**
 * Whether a file's `keras_version` (the attribute of a legacy `.h5`, the `metadata.json` entry of
 * a `.keras` archive) is Keras 1 or 2 — `'2.2.4'`, `'2.12.0'`, tf.keras's `'2.2.4-tf'`. A file
 * without one predates Keras 2.0's writer and reads as Keras 2 too; Dendrite's own files
 * (`'dendrite'`) and Keras 3's mean what Keras 3 means.
 *
 * @example
 * ```ts
 * isKeras2Version('2.2.4-tf'); // true
 * isKeras2Version('3.4.1'); // false
 * ```
 */
export function isKeras2Version(kerasVersion: string | undefined): boolean {
  if (kerasVersion === undefined) return true;
  const major = /^(\d+)\./.exec(kerasVersion);
  return major !== null && Number(major[1]) < 3;
}

const ACTIVATION_KEYS = new Set(['activation', 'recurrent_activation']);
const GRU_CLASSES = new Set(['GRU', 'GRUCell', 'UnifiedGRU']);

/** One `{class_name, config}` (and everything in it) read with Keras 2's meaning. */
function keras2Object(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keras2Object);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Json).map(([key, inner]) => [key, ACTIVATION_KEYS.has(key) && inner === 'hard_sigmoid' ? 'legacy_hard_sigmoid' : keras2Object(inner)]);
  const record = Object.fromEntries(entries) as Json;
  const serialized = record as Partial<KerasSerialized>;
  if (typeof serialized.class_name === 'string' && GRU_CLASSES.has(serialized.class_name) && serialized.config && !('reset_after' in serialized.config)) {
    return { ...record, config: { ...serialized.config, reset_after: false } };
  }
  return record;
}

/**
 * A model config from a file, with the meaning of the Keras version that wrote it. Keras changed
 * what some names compute without changing the names; a file keeps the old meaning:
 *
 * - `hard_sigmoid` (as `activation` or `recurrent_activation`, the default recurrent activation of
 *   Keras ≤ 2.2's LSTM and GRU) was `clip(0.2·x + 0.5, 0, 1)` up to Keras 2 and is `relu6(x + 3)/6`
 *   since Keras 3: a Keras 2 file reads as Dendrite's `legacy_hard_sigmoid`;
 * - `GRU`'s `reset_after` did not exist before Keras 2.1 (the reset gate applied before the
 *   recurrent kernel, one bias vector) and its default became `true` in tf.keras 2 / Keras 3: a
 *   Keras 2 file without the key reads as `reset_after: false`.
 *
 * - a file written with the Theano backend (`backend: 'theano'`) holds convolution kernels that
 *   Theano flipped (it convolves where TensorFlow correlates): Keras 2 flipped the spatial axes of
 *   Conv1D/2D/3D and Conv2DTranspose kernels on load, and so does `loadLegacyH5Weights` (a weight,
 *   not a config, matter: see `keras-h5.ts`).
 *
 * Renamed arguments (LeakyReLU's `alpha` → `negative_slope`, optimizers' `lr` → `learning_rate`)
 * and moved defaults that Keras 2 always wrote into its configs need nothing here: the layers accept
 * both names, and the written value wins over any default. TF.js `model.json` files carry tfjs-layers'
 * meaning, read by `topologyFromTfjs`.
 *
 * @param config the model's `{class_name, config}` as the file holds it
 * @param kerasVersion the file's `keras_version`, see {@link isKeras2Version}
 * @returns `config` itself for a Keras 3 (or Dendrite) file, else a converted copy
 * @example
 * ```ts
 * withKerasVersionSemantics(modelConfig, file.attrs.keras_version); // Keras 2.2: hard_sigmoid → legacy_hard_sigmoid
 * ```
 */
export function withKerasVersionSemantics<T>(config: T, kerasVersion: string | undefined): T {
  return isKeras2Version(kerasVersion) ? (keras2Object(config) as T) : config;
}
