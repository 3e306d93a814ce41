import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import type { Logs } from '@dendrite/callbacks';
import { type CallArgs, Layer, type TensorOrList, dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Model } from './model';
import { type TensorMap, outputsByName } from './model-output';

afterEach(() => resetUniqueNames());

/** A dense layer computing y = x (kernel 1, bias 0); with a learning rate of 0 it stays so. */
const identity = () => dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'zeros' });

/** Two inputs and two outputs as lists: [a, b] → [a, b]. */
class TwoByTwo extends Model {
  first = identity();
  second = identity();
  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    const [a, b] = inputs as tf.Tensor[];
    return [this.first.apply(a, args), this.second.apply(b, args)];
  }
}

/** Inputs and outputs by name: {a, b} → {sum: a + b, copy: a}. */
class ByName extends Model {
  sum = identity();
  copy = identity();
  override call(inputs: TensorOrList | TensorMap, args: CallArgs): TensorOrList {
    const { a, b } = inputs as TensorMap;
    return outputsByName({ sum: this.sum.apply(tf.add(a, b), args), copy: this.copy.apply(a, args) });
  }
}

const a = [[1], [2], [3], [4], [5]];
const b = [[0], [1], [0], [1], [0]];
const y1 = [[0], [2], [4], [4], [7]]; // a − y1: 1, 0, −1, 0, −2
const y2 = [[1], [1], [1], [1], [1]]; // b − y2: −1, 0, −1, 0, −1
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const mseA = mean([1, 0, 1, 0, 4]); // 1.2
const maeB = mean([1, 0, 1, 0, 1]); // 0.6

describeEachBackend('subclassed models with several inputs and outputs', () => {
  it('compile, fit, evaluate and predict take lists: loss = Σ weight · output loss', async () => {
    const net = new TwoByTwo();
    net.compile({ optimizer: sgd({ learningRate: 0 }), loss: ['mse', 'mae'], lossWeights: [1, 0.5], metrics: [['mae'], []] });
    const x = [tf.tensor2d(a), tf.tensor2d(b)];
    const y = [tf.tensor2d(y1), tf.tensor2d(y2)];
    const history = await net.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
    expect(net.outputNames).toEqual(['output_1', 'output_2']);
    expect(Object.keys(history.history)).toEqual(['loss', 'output_1_loss', 'output_2_loss', 'output_1_mae']);
    expectArraysClose(history.history.loss, [mseA + 0.5 * maeB]);
    const logs = (await expectNoLeakedTensors(() => net.evaluate(x, y, { batchSize: 3, returnDict: true }))) as Logs;
    expectArraysClose([logs.loss, logs.output_1_loss, logs.output_2_loss, logs.output_1_mae], [mseA + 0.5 * maeB, mseA, maeB, mean([1, 0, 1, 0, 2])]);
    const predictions = await expectNoLeakedTensors(() => {
      const output = net.predict(x, { batchSize: 2 }) as tf.Tensor[];
      const values = output.map((tensor) => Array.from(tensor.dataSync()));
      tf.dispose(output);
      return values;
    });
    expect(predictions).toEqual([[1, 2, 3, 4, 5], [0, 1, 0, 1, 0]]);
    tf.dispose([...x, ...y]);
    net.dispose();
  });

  it('takes inputs, targets, losses, weights and metrics by name, and predicts by name', async () => {
    const net = new ByName();
    net.compile({ optimizer: sgd({ learningRate: 0 }), loss: { sum: 'mse', copy: 'mae' }, lossWeights: { sum: 2, copy: 1 }, metrics: { copy: 'mse' } });
    const x = { a: tf.tensor2d(a), b: tf.tensor2d(b) };
    const y = { sum: tf.tensor2d(y1), copy: tf.tensor2d(y2) };
    // sum = a + b against y1: errors 1, 1, −1, 1, −2; copy = a against y2: 0, 1, 2, 3, 4.
    const mseSum = mean([1, 1, 1, 1, 4]);
    const maeCopy = mean([0, 1, 2, 3, 4]);
    await net.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
    expect(net.outputNames).toEqual(['copy', 'sum']); // sorted, as Keras flattens a dict
    const logs = (await expectNoLeakedTensors(() => net.evaluate(x, y, { batchSize: 4, returnDict: true }))) as Logs;
    expectArraysClose([logs.loss, logs.sum_loss, logs.copy_loss, logs.copy_mse], [2 * mseSum + maeCopy, mseSum, maeCopy, mean([0, 1, 4, 9, 16])]);
    const predicted = net.predict(x) as TensorMap;
    expect(Object.keys(predicted).sort()).toEqual(['copy', 'sum']);
    expect(Array.from(predicted.sum.dataSync())).toEqual([1, 3, 3, 5, 5]);
    tf.dispose(predicted);
    tf.dispose([x.a, x.b, y.sum, y.copy]);
    net.dispose();
  });

  it('trains from a stream of batches by name, before any other call', async () => {
    const net = new ByName();
    net.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse' });
    function* batches() {
      yield { xs: { a: tf.tensor2d([[1], [2]]), b: tf.tensor2d([[1], [1]]) }, ys: { sum: tf.tensor2d([[2], [3]]), copy: tf.tensor2d([[0], [0]]) } };
    }
    const history = await net.fit(batches(), undefined, { epochs: 1, verbose: 0 });
    // sum is exact; copy = a against 0: (1 + 4) / 2.
    expectArraysClose([history.history.loss[0], history.history.sum_loss[0], history.history.copy_loss[0]], [2.5, 0, 2.5]);
    net.dispose();
  });

  it('names a mismatch between compile and the outputs the model shows', async () => {
    const net = new TwoByTwo();
    net.compile({ optimizer: 'sgd', loss: ['mse', 'mae', 'mse'] });
    const x = [tf.tensor2d(a), tf.tensor2d(b)];
    const y = [tf.tensor2d(y1), tf.tensor2d(y2)];
    await expect(net.fit(x, y, { verbose: 0 })).rejects.toThrow('Expected 2 losses (one per output: output_1, output_2), received 3');
    tf.dispose([...x, ...y]);
    net.dispose();
  });
});

it('tracks the layers inside a user layer held by a subclassed model, as Keras tracks attributes', async () => {
  class Block extends Layer {
    inner = dense({ units: 2 });
    outer = dense({ units: 1 });
    override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
      return this.outer.apply(this.inner.apply(inputs, args), args);
    }
  }
  class Net extends Model {
    block = new Block();
    override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
      return this.block.apply(inputs, args);
    }
  }
  const net = new Net();
  net.compile({ optimizer: 'sgd', loss: 'mse' });
  await net.fit([[1, 2]], [[1]], { verbose: 0 });
  expect(net.trainableWeights.map((weight) => weight.path)).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']);
  net.dispose();
});
