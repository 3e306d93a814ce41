import type { KerasSerialized } from '@dendrite/backend';
import { NO_TRAINABLE_ARGUMENT } from './keras-v3-config';

type Json = Record<string, unknown>;

/**
 * Which Keras 2 reader a config is written for: `'h5'`, Keras 2's own `model_config` (a legacy
 * `.h5`); `'tfjs'`, tfjs-layers' `modelTopology` (`model.json`).
 */
export type Keras2Dialect = 'h5' | 'tfjs';

/** An InputLayer's batch shape, under Keras 3's key or Keras 2's. */
function inputBatchShape(config: Json): unknown {
  return config.batch_shape ?? config.batch_input_shape;
}

/**
 * A model's config (Dendrite's `serializeLayer(model)`, which writes an InputLayer's shape as
 * Keras 3's `batch_shape`) in the Keras 2 dialect a reader expects, the shape as `batch_input_shape`:
 *
 * - `'h5'`: every InputLayer keeps its place with `batch_input_shape`, and layers whose Keras
 *   constructor takes no `trainable` (`SpatialDropout*`) lose it;
 * - `'tfjs'`: a Sequential's InputLayer is folded into its first layer's `batch_input_shape`, as
 *   tfjs-layers writes a Sequential; other models are left as they are.
 *
 * @param serialized the model's `{class_name, config}`
 * @param dialect the reader, see {@link Keras2Dialect}
 * @returns a new config; `serialized` is not changed
 * @example
 * ```ts
 * file.create_attribute('model_config', JSON.stringify(keras2Config(serializeLayer(model), 'h5')));
 * ```
 */
export function keras2Config(serialized: KerasSerialized, dialect: Keras2Dialect): KerasSerialized {
  const layers = (serialized.config.layers as KerasSerialized[] | undefined) ?? [];
  if (dialect === 'tfjs') {
    if (serialized.class_name !== 'Sequential') return serialized;
    const [first, ...rest] = layers;
    if (first?.class_name !== 'InputLayer') return { class_name: 'Sequential', config: { name: serialized.config.name, layers } };
    const shape = inputBatchShape(first.config);
    const folded = rest.length === 0 ? rest : [{ ...rest[0], config: { ...rest[0].config, batch_input_shape: shape } }, ...rest.slice(1)];
    return { class_name: 'Sequential', config: { name: serialized.config.name, layers: folded } };
  }
  const converted = layers.map((layer) => {
    if (NO_TRAINABLE_ARGUMENT.has(layer.class_name)) {
      const { trainable: _trainable, ...config } = layer.config;
      return { ...layer, config };
    }
    if (layer.class_name !== 'InputLayer') return layer;
    const { batch_shape: _batchShape, ...rest } = layer.config;
    return { ...layer, config: { batch_input_shape: inputBatchShape(layer.config), ...rest } };
  });
  return { class_name: serialized.class_name, config: { ...serialized.config, layers: converted } };
}
