import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { type CallArgs, type TensorOrList, dense, dropout, resetUniqueNames } from '@dendrite/layers';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Model } from './model';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

/** A subclassed model, as Keras users write them. */
class TwoLayerNet extends Model {
  hidden = dense({ units: 16, activation: 'relu' });
  drop = dropout({ rate: 0.1 });
  out = dense({ units: 1, activation: 'sigmoid' });

  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    const h = this.drop.apply(this.hidden.apply(inputs, args), args);
    return this.out.apply(h, args);
  }
}

describeEachBackend('subclassed Model', () => {
  it('tracks the layers held in properties and trains with compile/fit/evaluate/predict', async () => {
    setSeed(2);
    const net = new TwoLayerNet();
    net.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const x = Array.from({ length: 64 }, (_, i) => [Math.sin(i), Math.cos(i)]);
    const y = x.map(([a, b]) => [a * b > 0 ? 1 : 0]);
    await net.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    const history = await expectNoLeakedTensors(() => net.fit(x, y, { epochs: 5, batchSize: 16, verbose: 0 }));
    expect(net.layers.map((layer) => layer.name)).toEqual(['dense', 'dropout', 'dense_1']);
    expect(net.trainableWeights).toHaveLength(4);
    expect(history.history.accuracy).toHaveLength(5);
    const evaluated = (await net.evaluate(x, y)) as number[];
    expect(evaluated).toHaveLength(2);
    const predictions = net.predict(x) as tf.Tensor;
    expect(predictions.shape).toEqual([64, 1]);
    predictions.dispose();
    net.dispose();
  });

  it('says that the base Model must have call overridden', () => {
    const bare = new Model({ name: 'bare' });
    expect(() => bare.apply(tf.ones([1, 2]))).toThrow('Expected model "bare" (Model) to override call(inputs, args), received the base Model.call');
  });
});
