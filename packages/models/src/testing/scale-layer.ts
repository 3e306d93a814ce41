import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type LayerVariable, type Shape, type TensorOrList, initializers } from '@dendrite/layers';

/** A user layer, as the saving tests need one: multiplies the last axis by a learned vector (ones at first). */
export class ScaleLayer extends Layer {
  static override className = 'ScaleLayer';
  factor?: LayerVariable;
  constructor(args: LayerArgs = {}) {
    super(args);
  }
  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    this.factor = this.addWeight('factor', [shape[shape.length - 1]!], { initializer: initializers.ones() });
  }
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return tf.mul(inputs as tf.Tensor, this.factor!.read());
  }
}

/**
 * {@link ScaleLayer} under its own Keras class name: each test file makes its own, so that one file's
 * global registration cannot help another's load.
 *
 * @param className the Keras class name written to files
 */
export function scaleLayerClass(className: string): typeof ScaleLayer {
  return class extends ScaleLayer {
    static override className = className;
  };
}
