import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { dense, Layer, resetUniqueNames, type CallArgs, type TensorOrList } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { sequential } from '../sequential';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

/** Passes its input through, writing down the sample indices (the input values) of each training batch. */
class OrderRecorder extends Layer {
  static override className = 'OrderRecorder';
  readonly seen: number[] = [];
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (args.training) this.seen.push(...(x.dataSync() as Float32Array));
    return tf.mul(x, 1);
  }
}

const SAMPLES = 64;
const EPOCHS = 3;

describeEachBackend('fit shuffles by default', () => {
  it('visits every sample once per epoch, in a new order each epoch', async () => {
    setSeed(5);
    const recorder = new OrderRecorder({ inputShape: [1] });
    const model = sequential({ layers: [recorder, dense({ units: 1 })] });
    model.compile({ optimizer: sgd({ learningRate: 0.01 }), loss: 'mse' });
    const x = tf.range(0, SAMPLES).reshape([SAMPLES, 1]);
    const y = tf.zeros([SAMPLES, 1]);
    await expectNoLeakedTensors(() => model.fit(x, y, { epochs: EPOCHS, batchSize: 8, verbose: 0 }));
    tf.dispose([x, y]);
    model.dispose();

    expect(recorder.seen).toHaveLength(SAMPLES * EPOCHS);
    const epochs = Array.from({ length: EPOCHS }, (_, epoch) => recorder.seen.slice(epoch * SAMPLES, (epoch + 1) * SAMPLES));
    for (const order of epochs) {
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: SAMPLES }, (_, i) => i));
      // A uniform permutation has on average one fixed point; P(≥ 10 of 64) < 1e-6. Unshuffled: 64.
      const fixedPoints = order.filter((value, position) => value === position).length;
      expect(fixedPoints, `samples in their own place: ${order.join(' ')}`).toBeLessThan(10);
    }
    expect(epochs[1]).not.toEqual(epochs[0]);
    expect(epochs[2]).not.toEqual(epochs[1]);
  });
});
