import type { KerasSerialized } from '@dendrite/backend/internal';

type Json = Record<string, unknown>;

/**
 * The prefix of a layer tfjs-layers cannot represent: its class name, unknown to tfjs-layers, makes
 * `tf.loadLayersModel` fail naming the layer, where the plain name would load and compute otherwise.
 * Dendrite reads such a layer back under its own name.
 */
export const NOT_FOR_TFJS_PREFIX = 'Dendrite>';

const isActivationKey = (key: string) => key === 'activation' || key === 'recurrent_activation';

/**
 * Whether a config computes Keras 3's `hard_sigmoid` anywhere (as `activation` or
 * `recurrent_activation`, in a wrapped layer or cell too). Keras 2 and tfjs-layers mean
 * `clip(0.2·x + 0.5, 0, 1)` by that name — Dendrite's `legacy_hard_sigmoid` — and Keras 3 and
 * Dendrite `relu6(x + 3) / 6`.
 */
function usesHardSigmoid(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesHardSigmoid);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => (isActivationKey(key) && inner === 'hard_sigmoid') || usesHardSigmoid(inner));
}

/** `value` with every activation named `from` renamed `to`, in wrapped layers and cells too. */
function renameActivation<T>(value: T, from: string, to: string): T {
  if (Array.isArray(value)) return value.map((item) => renameActivation(item, from, to)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, isActivationKey(key) && inner === from ? to : renameActivation(inner, from, to)]),
  ) as T;
}

/** Regularizers Keras 3 writes as `L1` and `L2`; tfjs-layers 4 knows only `L1L2`. */
function regularizerForTfjs(value: unknown): unknown {
  const regularizer = value as KerasSerialized | null;
  if (regularizer?.class_name === 'L1') return { class_name: 'L1L2', config: { l1: regularizer.config.l1, l2: 0 } };
  if (regularizer?.class_name === 'L2') return { class_name: 'L1L2', config: { l1: 0, l2: regularizer.config.l2 } };
  return value;
}

/** The inverse of {@link regularizerForTfjs}: an `L1L2` with one factor 0 is the same penalty as `L1` or `L2`. */
function regularizerFromTfjs(value: unknown): unknown {
  const regularizer = value as KerasSerialized | null;
  if (regularizer?.class_name !== 'L1L2') return value;
  const { l1 = 0, l2 = 0 } = regularizer.config as { l1?: number; l2?: number };
  if (l1 === 0 && l2 !== 0) return { class_name: 'L2', config: { l2 } };
  if (l2 === 0 && l1 !== 0) return { class_name: 'L1', config: { l1 } };
  return value;
}

const mapRegularizers = (config: Json, convert: (value: unknown) => unknown): Json =>
  Object.fromEntries(Object.entries(config).map(([key, value]) => [key, key.endsWith('_regularizer') ? convert(value) : value]));

const withoutPrefix = (name: string, prefix: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : name);

/** Whether a Bidirectional's backward layer is the one tfjs-layers derives from its forward layer. */
function derivedBackwardLayer(config: Json): boolean {
  const forward = config.layer as KerasSerialized;
  const backward = config.backward_layer as KerasSerialized | undefined;
  if (backward === undefined) return true;
  const base = withoutPrefix(forward.config.name as string, 'forward_');
  const expected = { ...forward, config: { ...forward.config, name: `backward_${base}`, go_backwards: !forward.config.go_backwards } };
  return JSON.stringify(backward) === JSON.stringify(expected);
}

/**
 * Why tfjs-layers 4.22 would compute something else from a layer's config, or null when it reads
 * it as Dendrite means it. These Keras 3 options have no tfjs-layers equivalent:
 * - `UpSampling2D` other than `nearest`: tfjs-layers resizes without Keras's half-pixel centers;
 * - `Resizing`: tfjs-layers aligns corners (and 4.22 fails on a model input);
 * - `ReLU` with `negative_slope` or `threshold`: tfjs-layers' ReLU has only `max_value`;
 * - `LayerNormalization` with `rms_scaling`, convolutions with `groups` > 1;
 * - `Bidirectional` with a backward layer of its own: tfjs-layers always derives it from `layer`;
 * - any layer with Keras 3's `hard_sigmoid` activation (see {@link usesHardSigmoid}).
 * An `ELU` with `alpha` other than 1 and a `GRU` with `reset_after` (Keras 3's default) is left alone: tfjs-layers refuses it by name.
 */
function tfjsMisreads(layer: KerasSerialized): string | null {
  const config = layer.config;
  if (usesHardSigmoid(config)) return 'hard_sigmoid';
  switch (layer.class_name) {
    case 'UpSampling2D':
      return config.interpolation !== undefined && config.interpolation !== 'nearest' ? `interpolation "${String(config.interpolation)}"` : null;
    case 'Resizing':
      return 'resizing';
    case 'ReLU':
      return (config.negative_slope ?? 0) !== 0 || (config.threshold ?? 0) !== 0 ? 'negative_slope or threshold' : null;
    case 'LayerNormalization':
      return config.rms_scaling === true ? 'rms_scaling' : null;
    case 'Bidirectional':
      return derivedBackwardLayer(config) ? null : 'backward_layer';
    default:
      return typeof config.groups === 'number' && config.groups > 1 ? 'groups' : null;
  }
}

/**
 * A layer's config (not a model's) as tfjs-layers 4 reads it: `L1`/`L2` regularizers as `L1L2`,
 * `legacy_hard_sigmoid` as tfjs-layers' `hard_sigmoid`, LeakyReLU's `negative_slope` as `alpha`, a Bidirectional's `layer` under its own name (tfjs-layers
 * prefixes `forward_` itself) without the `backward_layer` it derives; a layer tfjs-layers would
 * compute differently (see {@link tfjsMisreads}) under `Dendrite>Name`, so tfjs-layers refuses it.
 *
 * @param layer a layer's `{class_name, config}` from Dendrite's `serializeLayer`
 * @returns a new config; `layer` is not changed
 * @example
 * ```ts
 * tfjsLayerConfig({ class_name: 'LeakyReLU', config: { negative_slope: 0.2 } }); // config: { alpha: 0.2 }
 * ```
 */
export function tfjsLayerConfig<T extends KerasSerialized>(layer: T): T {
  if (tfjsMisreads(layer) !== null) return { ...layer, class_name: `${NOT_FOR_TFJS_PREFIX}${layer.class_name}` };
  let config = renameActivation(mapRegularizers(layer.config, regularizerForTfjs), 'legacy_hard_sigmoid', 'hard_sigmoid');
  if (layer.class_name === 'LeakyReLU' && 'negative_slope' in config) {
    const { negative_slope: alpha, ...rest } = config;
    config = { ...rest, alpha };
  }
  if (layer.class_name === 'Bidirectional') {
    const { backward_layer: _backward, layer: forward, ...rest } = config as Json & { layer: KerasSerialized };
    const inner = tfjsLayerConfig(forward);
    config = { ...rest, layer: { ...inner, config: { ...inner.config, name: withoutPrefix(inner.config.name as string, 'forward_') } } };
  }
  return { ...layer, config };
}

/**
 * The inverse of {@link tfjsLayerConfig} for a layer of a TF.js model.json, written by Dendrite or
 * by tfjs-layers: `Dendrite>Name` read as `Name` (as it is: its `hard_sigmoid` is Keras 3's), `L1L2`
 * with one factor 0 as `L1` or `L2`, `hard_sigmoid` as `legacy_hard_sigmoid` (unmarked, it is
 * tfjs-layers' and Keras 2's function, whoever wrote the file), LeakyReLU's `alpha` as `negative_slope`.
 *
 * @param layer a layer's `{class_name, config}` from a model.json
 * @returns a new config; `layer` is not changed
 */
export function layerConfigFromTfjs<T extends KerasSerialized>(layer: T): T {
  if (layer.class_name.startsWith(NOT_FOR_TFJS_PREFIX)) return { ...layer, class_name: layer.class_name.slice(NOT_FOR_TFJS_PREFIX.length) };
  let config = renameActivation(mapRegularizers(layer.config, regularizerFromTfjs), 'hard_sigmoid', 'legacy_hard_sigmoid');
  if (layer.class_name === 'LeakyReLU' && 'alpha' in config && !('negative_slope' in config)) {
    const { alpha: negativeSlope, ...rest } = config;
    config = { ...rest, negative_slope: negativeSlope };
  }
  if (layer.class_name === 'Bidirectional') config = { ...config, layer: layerConfigFromTfjs(config.layer as KerasSerialized) };
  return { ...layer, config };
}

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/**
 * A model.json topology with {@link layerConfigFromTfjs} applied to every layer, in nested models too.
 *
 * @param serialized a model's `{class_name, config}` from a model.json
 * @returns a new config; `serialized` is not changed
 * @example
 * ```ts
 * const topology = topologyFromTfjs(modelJson.modelTopology);
 * ```
 */
export function topologyFromTfjs(serialized: KerasSerialized): KerasSerialized {
  const layers = serialized.config.layers as KerasSerialized[] | undefined;
  if (!MODEL_CLASSES.has(serialized.class_name) || !Array.isArray(layers)) return layerConfigFromTfjs(serialized);
  const converted = layers.map((layer) => (MODEL_CLASSES.has(layer.class_name) ? { ...layer, ...topologyFromTfjs(layer) } : layerConfigFromTfjs(layer)));
  return { ...serialized, config: { ...serialized.config, layers: converted } };
}
