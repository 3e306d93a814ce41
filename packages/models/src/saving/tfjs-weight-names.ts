import type { Layer, LayerVariable } from '@dendrite/layers';
import { type ModelContract, isContainerModel } from '../contracts/model-contract';

/** Keras 3 names DepthwiseConv2D's kernel `kernel`, Keras 2 and tfjs-layers `depthwise_kernel`. */
const tfjsWeightName = (layer: Layer, weight: LayerVariable): string =>
  layer.className === 'DepthwiseConv2D' && weight.name === 'kernel' ? 'depthwise_kernel' : weight.name;

function addNames(layer: Layer, names: Map<LayerVariable, string>): void {
  if (isContainerModel(layer)) {
    // tfjs-layers names a nested model's weights after its own layers, as at the top.
    for (const inner of layer.layers) addNames(inner, names);
    return;
  }
  if (layer.className === 'Bidirectional') {
    const { forwardLayer, backwardLayer } = layer as Layer & { forwardLayer: Layer; backwardLayer: Layer };
    for (const direction of [forwardLayer, backwardLayer]) for (const weight of direction.weights) names.set(weight, `${layer.name}/${direction.name}/${weight.name}`);
    return;
  }
  // MultiHeadAttention's weights belong to its query, key, value and attention_output sublayers (tf.keras's names).
  if (layer.className === 'MultiHeadAttention') {
    for (const weight of layer.weights) names.set(weight, `${layer.name}/${weight.path}`);
    return;
  }
  // An RNN's weights belong to its cell in Dendrite (`lstm_cell/kernel`), to the layer in tfjs-layers.
  for (const weight of layer.weights) if (!names.has(weight)) names.set(weight, `${layer.name}/${tfjsWeightName(layer, weight)}`);
}

/**
 * The names tfjs-layers 4 gives a model's weights in `model.json` and looks them up by:
 * `layer/weight` for the layers of the model and of the models in it, with an RNN's weights under
 * the RNN layer (not its cell), a Bidirectional's as `bidirectional/forward_lstm/kernel`, and
 * DepthwiseConv2D's kernel as `depthwise_kernel`.
 *
 * @param model the model whose weights are named
 * @returns the name of each weight of `model.weights`, in that order
 * @example
 * ```ts
 * const weightSpecs = tfjsWeightNames(model).map((name, i) => ({ name, shape: model.weights[i].shape, dtype: 'float32' }));
 * ```
 */
export function tfjsWeightNames(model: ModelContract): string[] {
  const names = new Map<LayerVariable, string>();
  for (const layer of model.layers) addNames(layer, names);
  return model.weights.map((weight) => names.get(weight) ?? weight.path);
}
