import { it, expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { registerLayer, type CallArgs, type TensorOrList } from '@dendrite/layers';
import { describeEachBackend, runLayerTest, scaleLayerClass } from '@dendrite/layers/testing';

/** A user's layer, as the README writes it: multiplies the last axis by a learned vector. */
const Scale = scaleLayerClass('RunLayerTestScale');
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
