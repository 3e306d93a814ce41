import { layerActivation } from '../core/weight-options';
import { optionKeys } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { type ActivationIdentifier, serializeActivation } from '../activations/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { positionalOptions } from '../engine/positional-options';

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
 * // A Dense → BatchNormalization → relu block.
 * sequential({ layers: [dense({ units: 256, inputShape: [784] }), batchNormalization(), activation({ activation: 'relu' })] });
 * ```
 */
export class Activation extends Layer {
  static override className = 'Activation';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ActivationArgs, LayerArgs>({ activation: true });
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
 * Keras's positional arguments may come first, as `Activation(activation, ...)`: `activation(activation, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * activation({ activation: 'relu' });
 * ```
 */
export function activation(args: ActivationArgs): Activation;
export function activation(activation: NonNullable<ActivationArgs['activation']>, options?: Omit<ActivationArgs, 'activation'>): Activation;
export function activation(...values: unknown[]): Activation {
  return new Activation(positionalOptions<ActivationArgs>(values, ['activation'], 'layer Activation'));
}
