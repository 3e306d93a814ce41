import { it, expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { initializers, Layer, registerLayer, type CallArgs, type LayerArgs, type LayerVariable, type Shape, type TensorOrList } from '@dendrite/layers';
import { describeEachBackend, runLayerTest } from '@dendrite/layers/testing';

/** A user's layer, as the README writes it: multiplies the last axis by a learned vector. */
class Scale extends Layer {
  static override className = 'RunLayerTestScale';
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
registerLayer(Scale);

/** The same layer, with a weight that its output ignores. */
class FrozenScale extends Scale {
  static override className = 'RunLayerTestFrozenScale';
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return tf.mul(inputs as tf.Tensor, 2);
  }
}
registerLayer(FrozenScale);

describeEachBackend('runLayerTest on a user layer', () => {
  it('passes a registered custom layer', async () => {
    await runLayerTest({ makeLayer: () => new Scale(), inputShape: [2, 3], expectedOutputShape: [2, 3], expectedWeightShapes: [[3]] });
  });

  it('fails on a wrong output shape and on a weight that training cannot move', async () => {
    await expect(runLayerTest({ makeLayer: () => new Scale(), inputShape: [2, 3], expectedOutputShape: [2, 4], expectedWeightShapes: [[3]] })).rejects.toThrow();
    await expect(runLayerTest({ makeLayer: () => new FrozenScale(), inputShape: [2, 3], expectedOutputShape: [2, 3], expectedWeightShapes: [[3]] })).rejects.toThrow();
  });
});
