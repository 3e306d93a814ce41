import type { KerasSerialized } from '@dendrite/backend/internal';
import { NO_TRAINABLE_ARGUMENT } from './keras-v3-config';
import { withBuiltModelNodes } from './nested-model-nodes';
import { tfjsLayerConfig } from './tfjs-layer-config';

type Json = Record<string, unknown>;

/**
 * Which Keras 2 reader a config is written for: `'h5'`, Keras 2's own `model_config` (a legacy
 * `.h5`); `'tfjs'`, tfjs-layers' `modelTopology` (`model.json`).
 */
export type Keras2Dialect = 'h5' | 'tfjs';

/** A layer of a functional model's config: the layer's `{class_name, config}` and its calls. */
type FunctionalLayerEntry = KerasSerialized & { name?: string; inbound_nodes?: unknown };

/** Model classes whose config holds layers (tfjs-layers reads `Model` and `Functional` alike). */
const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** An InputLayer's batch shape, under Keras 3's key or Keras 2's. */
function inputBatchShape(config: Json): unknown {
  return config.batch_shape ?? config.batch_input_shape;
}

/** An InputLayer's config with its shape under Keras 2's `batch_input_shape`, first as Keras 2 writes it. */
function withBatchInputShape(layer: KerasSerialized): KerasSerialized {
  const { batch_shape: _batchShape, batch_input_shape: _batchInputShape, ...rest } = layer.config;
  return { ...layer, config: { batch_input_shape: inputBatchShape(layer.config), ...rest } };
}

/** One `[layer_name, node_index, tensor_index]` or a list of them (Keras 3.11 writes one flat). */
function referenceList(value: unknown): unknown {
  return Array.isArray(value) && typeof value[0] === 'string' ? [value] : value;
}

/**
 * A layer as tfjs-layers reads it inside a model: InputLayers with `batch_input_shape` (tfjs-layers'
 * InputLayer throws on Keras 3's `batch_shape`), nested models converted the same way, other layers
 * with Keras 3's options in tfjs-layers' terms (see {@link tfjsLayerConfig}).
 */
function tfjsLayer<T extends KerasSerialized>(layer: T): T {
  if (layer.class_name === 'InputLayer') return withBatchInputShape(layer) as T;
  if (MODEL_CLASSES.has(layer.class_name)) return { ...layer, ...tfjsTopology(layer) };
  return tfjsLayerConfig(layer);
}

/**
 * A model's config as tfjs-layers writes and reads it: a Sequential's InputLayer folded into its
 * first layer's `batch_input_shape`; a functional model's config reduced to what tfjs-layers'
 * `Container.fromConfig` reads — `name`, `layers`, `input_layers`, `output_layers` (each a list of
 * `[layer_name, node_index, tensor_index]`) — with Keras 2's `batch_input_shape` on its InputLayers.
 */
function tfjsTopology(serialized: KerasSerialized): KerasSerialized {
  const layers = ((serialized.config.layers as KerasSerialized[] | undefined) ?? []).map((layer) => tfjsLayer(layer));
  if (serialized.class_name === 'Sequential') {
    const [first, ...rest] = layers;
    if (first?.class_name !== 'InputLayer') return { class_name: 'Sequential', config: { name: serialized.config.name, layers } };
    const shape = first.config.batch_input_shape;
    // Without a layer to carry the shape, the InputLayer stays: tfjs-layers' Sequential.add takes one.
    const folded = rest.length === 0 ? layers : [{ ...rest[0], config: { ...rest[0].config, batch_input_shape: shape } }, ...rest.slice(1)];
    return { class_name: 'Sequential', config: { name: serialized.config.name, layers: folded } };
  }
  if (!MODEL_CLASSES.has(serialized.class_name)) return serialized;
  const { name, input_layers: inputLayers, output_layers: outputLayers } = serialized.config;
  return {
    class_name: serialized.class_name,
    config: { name, layers: layers as FunctionalLayerEntry[], input_layers: referenceList(inputLayers), output_layers: referenceList(outputLayers) },
  };
}

/**
 * A model's config (Dendrite's `serializeLayer(model)`, which writes an InputLayer's shape as
 * Keras 3's `batch_shape`) in the Keras 2 dialect a reader expects, the shape as `batch_input_shape`:
 *
 * - `'h5'`: every InputLayer keeps its place with `batch_input_shape`, and layers whose Keras
 *   constructor takes no `trainable` (`SpatialDropout*`) lose it; the calls of a nested model
 *   that tf.keras 2 builds on creation (`_should_skip_first_node`: a functional model, a Sequential
 *   with an input shape) are counted from node 1, as `get_network_config` writes them;
 * - `'tfjs'`: as tfjs-layers 4 writes a model: a Sequential's InputLayer is folded into its first
 *   layer's `batch_input_shape`; a functional model keeps its InputLayers, with
 *   `batch_input_shape`, and only the keys tfjs-layers reads (`name`, `layers`, `input_layers`,
 *   `output_layers`); models nested in either are converted the same way, and the calls of a nested
 *   model that tfjs-layers builds on creation are counted from node 1 (see {@link withBuiltModelNodes});
 *   each layer's options as tfjs-layers names them, and a layer tfjs-layers would compute
 *   differently marked so that it refuses it (see {@link tfjsLayerConfig}).
 *
 * @param serialized the model's `{class_name, config}`
 * @param dialect the reader, see {@link Keras2Dialect}
 * @returns a new config; `serialized` is not changed
 * @example
 * ```ts
 * file.create_attribute('model_config', JSON.stringify(keras2Config(serializeLayer(model), 'h5')));
 * const modelTopology = keras2Config(serializeLayer(model), 'tfjs');
 * ```
 */
export function keras2Config(serialized: KerasSerialized, dialect: Keras2Dialect): KerasSerialized {
  return withBuiltModelNodes(dialect === 'tfjs' ? tfjsTopology(serialized) : h5Model(serialized));
}

/** The `'h5'` dialect of {@link keras2Config}, in nested models too. */
function h5Model(serialized: KerasSerialized): KerasSerialized {
  const layers = (serialized.config.layers as KerasSerialized[] | undefined) ?? [];
  const converted = layers.map((layer) => {
    if (MODEL_CLASSES.has(layer.class_name)) return { ...layer, ...h5Model(layer) };
    if (NO_TRAINABLE_ARGUMENT.has(layer.class_name)) {
      const { trainable: _trainable, ...config } = layer.config;
      return { ...layer, config };
    }
    return layer.class_name === 'InputLayer' ? withBatchInputShape(layer) : layer;
  });
  return { class_name: serialized.class_name, config: { ...serialized.config, layers: converted } };
}
