// A user's own layer, tested with the helpers Dendrite's layers are tested with, from the published
// `@dendrite/layers/testing` and the user's own vitest.
import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { initializers, Layer, registerLayer, type LayerVariable, type Shape, type TensorOrList } from '@dendrite/layers';
import { describeEachBackend, expectLayerGradientsMatchFiniteDifferences, runLayerTest } from '@dendrite/layers/testing';

class Scale extends Layer {
  static override className = 'Scale';
  factor?: LayerVariable;
  override build(inputShape: Shape | Shape[]): void {
    this.factor = this.addWeight('factor', [(inputShape as Shape).at(-1)!], { initializer: initializers.ones() });
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return tf.mul(inputs as tf.Tensor, this.factor!.read());
  }
}
registerLayer(Scale);

describeEachBackend('Scale', () => {
  it('passes the layer test', () =>
    runLayerTest({ makeLayer: () => new Scale({}), inputShape: [2, 3], expectedOutputShape: [2, 3], expectedWeightShapes: [[3]] }));

  it('has the gradients of finite differences', () => expectLayerGradientsMatchFiniteDifferences({ layer: new Scale({}), inputShape: [2, 3] }));

  it('is caught when its output shape is not the one expected', async () => {
    await expect(runLayerTest({ makeLayer: () => new Scale({}), inputShape: [2, 3], expectedOutputShape: [2, 4], expectedWeightShapes: [[3]] })).rejects.toThrow();
  });
});
