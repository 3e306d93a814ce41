import { tf } from '@dendrite/backend';
// The package by its own name, as the other helpers: `testing` is built as a separate entry.
import { initializers, Layer, type CallArgs, type LayerArgs, type LayerVariable, type Shape, type TensorOrList } from '@dendrite/layers';

/**
 * A user's layer, as the README writes one: multiplies the last axis by a learned vector (ones at
 * first), the weight `factor`. For tests that need a custom layer — `runLayerTest`, saving and
 * loading with custom objects. Not registered: register the class you use (see
 * {@link scaleLayerClass}).
 *
 * @example
 * ```ts
 * const Scale = scaleLayerClass('MyScale');
 * registerLayer(Scale);
 * await runLayerTest({ makeLayer: () => new Scale(), inputShape: [2, 3], expectedOutputShape: [2, 3], expectedWeightShapes: [[3]] });
 * ```
 */
export class ScaleLayer extends Layer {
  static override className = 'ScaleLayer';
  /** The learned vector, one entry per feature of the last axis; made by `build`. */
  factor?: LayerVariable;

  /** @param args the base layer options (`name`, `trainable`, …) */
  constructor(args: LayerArgs = {}) {
    super(args);
  }

  /** @param inputShape the input's shape; its last axis sizes `factor` */
  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    this.factor = this.addWeight('factor', [shape[shape.length - 1]!], { initializer: initializers.ones() });
  }

  /** @returns the input times `factor`, broadcast along the last axis */
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return tf.mul(inputs as tf.Tensor, this.factor!.read());
  }
}

/**
 * {@link ScaleLayer} under its own Keras class name: each test file makes its own, so that one
 * file's global registration cannot help another's load.
 *
 * @param className the Keras class name written to configs and files
 * @returns a subclass of {@link ScaleLayer} whose `className` is `className`
 * @example
 * ```ts
 * const ChannelScale = scaleLayerClass('ChannelScale');
 * ```
 */
export function scaleLayerClass(className: string): typeof ScaleLayer {
  return class extends ScaleLayer {
    static override className = className;
  };
}
