import { layerActivation } from '../core/weight-options';
import type { tf } from '@dendrite/backend';
import { type ActivationIdentifier, serializeActivation } from '../activations/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';

/** Arguments of {@link Activation}. */
export interface ActivationArgs extends LayerArgs {
  /** The activation: a Keras name (`'relu'`, `'softmax'`…) or a function. */
  activation: ActivationIdentifier;
}

/**
 * Keras's `Activation` layer: applies an activation function to its input (masks pass through).
 *
 * @example
 * ```ts
 * // The course's Dense → BatchNormalization → relu block.
 * sequential({ layers: [dense({ units: 256, inputShape: [784] }), batchNormalization(), activation({ activation: 'relu' })] });
 * ```
 */
export class Activation extends Layer {
  static override className = 'Activation';
  readonly activation: (x: tf.Tensor) => tf.Tensor;

  /** @throws Error for an unknown activation name */
  constructor(args: ActivationArgs) {
    super(args);
    this.activation = layerActivation(args.activation, 'activation', this.name);
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return this.activation(inputs as tf.Tensor);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) };
  }
}

registerLayer(Activation);

/**
 * Makes an {@link Activation} layer.
 *
 * @example
 * ```ts
 * activation({ activation: 'relu' });
 * ```
 */
export function activation(args: ActivationArgs): Activation {
  return new Activation(args);
}
