import { afterEach, describe, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { Callback, type Logs } from '@dendrite/callbacks';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { sequential } from '../sequential';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

const xorX = [[0, 0], [0, 1], [1, 0], [1, 1]];
const xorY = [[0], [1], [1], [0]];

function xorModel() {
  const model = sequential({ layers: [dense({ units: 8, activation: 'tanh', inputShape: [2] }), dense({ units: 1, activation: 'sigmoid' })] });
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  return model;
}

/** A linear model y = w·x + b whose loss we can compute by hand (learning rate 0 keeps it fixed). */
function frozenLinear() {
  const model = sequential({ layers: [dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
  model.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics: ['mae'] });
  return model;
}

describeEachBackend('fit', () => {
  it('learns XOR with a small MLP (seed 001) and leaks no tensor', async () => {
    setSeed(1);
    const model = xorModel();
    (model.compiled!.optimizer as { learningRate: number }).learningRate = 0.05;
    // The first epoch makes the optimizer's slots and the metrics' state; later ones add nothing.
    const first = await model.fit(xorX, xorY, { epochs: 1, batchSize: 4, verbose: 0 });
    const history = await expectNoLeakedTensors(() => model.fit(xorX, xorY, { epochs: 300, batchSize: 4, verbose: 0 }));
    expect(history.epoch).toHaveLength(300);
    expect(history.history.loss[299]).toBeLessThan(first.history.loss[0]);
    expect(history.history.accuracy[299]).toBe(1);
    const predictions = await expectNoLeakedTensors(() => {
      const output = model.predict(xorX) as tf.Tensor;
      const values = Array.from(output.dataSync());
      output.dispose();
      return values;
    });
    expect(predictions.map(Math.round)).toEqual([0, 1, 1, 0]);
    model.dispose();
  });

  it('reports loss then metrics, per epoch and from evaluate, as hand computed', async () => {
    const model = frozenLinear();
    // y = x (kernel 1, bias 0) against targets x + 1: every error is 1.
    const x = [[1], [2], [3], [4]];
    const y = [[2], [3], [4], [5]];
    const history = await model.fit(x, y, { epochs: 2, batchSize: 3, verbose: 0 });
    expect(Object.keys(history.history)).toEqual(['loss', 'mae']);
    expectArraysClose(history.history.loss, [1, 1]);
    expectArraysClose(history.history.mae, [1, 1]);
    const evaluated = await expectNoLeakedTensors(() => model.evaluate(x, y, { batchSize: 2 }));
    expectArraysClose(evaluated as number[], [1, 1]);
    expect(await model.evaluate(x, y, { returnDict: true })).toEqual({ loss: 1, mae: 1 });
    model.dispose();
  });

  it('validates on the last fraction of the samples with validationSplit', async () => {
    const model = frozenLinear();
    // First 8 samples have error 0, the last 2 have error 3: val_loss = 9, loss = 0.
    const x = Array.from({ length: 10 }, (_, i) => [i]);
    const y = x.map(([value], i) => [i < 8 ? value : value + 3]);
    const history = await model.fit(x, y, { epochs: 1, validationSplit: 0.2, verbose: 0 });
    expectArraysClose(history.history.loss, [0]);
    expectArraysClose(history.history.val_loss, [9]);
    expectArraysClose(history.history.val_mae, [3]);
    model.dispose();
  });

  it('accepts validationData, sampleWeight and classWeight', async () => {
    const model = frozenLinear();
    const x = [[0], [0]];
    const y = [[1], [2]]; // squared errors 1 and 4
    const weighted = await model.fit(x, y, { epochs: 1, verbose: 0, sampleWeight: [[1], [0]] as never, validationData: [x, y] });
    expectArraysClose(weighted.history.loss, [0.5]); // (1·1 + 0·4) / 2, Keras's sum_over_batch_size
    expectArraysClose(weighted.history.val_loss, [2.5]);
    const classY = [[0], [1]];
    const byClass = await model.fit(x, classY, { epochs: 1, verbose: 0, classWeight: { 0: 0, 1: 2 } });
    expectArraysClose(byClass.history.loss, [1]); // (0·0 + 2·1) / 2
    model.dispose();
  });

  it('trains from a generator of batches with stepsPerEpoch', async () => {
    const model = frozenLinear();
    function* batches() {
      for (;;) yield { xs: tf.tensor2d([[1], [2]]), ys: tf.tensor2d([[1], [4]]) };
    }
    await model.fit(batches(), undefined, { epochs: 1, stepsPerEpoch: 1, verbose: 0 });
    const history = await expectNoLeakedTensors(() => model.fit(batches(), undefined, { epochs: 2, stepsPerEpoch: 3, verbose: 0 }));
    expectArraysClose(history.history.loss, [2, 2]);
    model.dispose();
  });

  it('calls the hooks in Keras order, stops on stopTraining and resumes at initialEpoch', async () => {
    const model = frozenLinear();
    const calls: string[] = [];
    class Recorder extends Callback {
      override onTrainBegin() { calls.push('trainBegin'); }
      override onEpochBegin(epoch: number) { calls.push(`epochBegin ${epoch}`); }
      override onBatchEnd(batch: number, logs: Logs) { calls.push(`batchEnd ${batch} ${logs.loss.toFixed(1)}`); }
      override onEpochEnd(epoch: number, logs: Logs) {
        calls.push(`epochEnd ${epoch} ${Object.keys(logs).join(',')}`);
        if (epoch === 3) this.model!.stopTraining = true;
      }
      override onTrainEnd(logs?: Logs) { calls.push(`trainEnd ${Object.keys(logs ?? {}).join(',')}`); }
    }
    await model.fit([[1], [1]], [[2], [2]], { epochs: 10, batchSize: 2, initialEpoch: 2, verbose: 0, callbacks: [new Recorder()] });
    expect(calls).toEqual([
      'trainBegin',
      'epochBegin 2', 'batchEnd 0 1.0', 'epochEnd 2 loss,mae',
      'epochBegin 3', 'batchEnd 0 1.0', 'epochEnd 3 loss,mae',
      'trainEnd loss,mae',
    ]);
    model.dispose();
  });

  it("exposes the compiled optimizer as model.optimizer (Keras's and tfjs-layers')", () => {
    const model = frozenLinear();
    expect(model.optimizer).toBe(model.compiled!.optimizer);
    model.optimizer!.learningRate = 0.5;
    expect(model.getLearningRate()).toBe(0.5);
    model.dispose();
  });

  it('trains and tests on one batch', async () => {
    const model = frozenLinear();
    expectArraysClose((await model.trainOnBatch([[1]], [[3]])) as number[], [4, 2]);
    expectArraysClose((await model.testOnBatch([[1]], [[3]])) as number[], [4, 2]);
    model.dispose();
  });

  it('names the layer when x does not fit the model’s input shape', async () => {
    const model = sequential({ layers: [dense({ units: 10, inputShape: [784] })] });
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = { values: new Float32Array(4 * 28 * 28), shape: [4, 28, 28] };
    await expect(model.fit(x, [[0], [0], [0], [0]], { verbose: 0 })).rejects.toThrow(
      'Expected input of shape [null, 784] for layer "dense" of model "sequential", received x of shape [4, 28, 28]',
    );
    model.dispose();
  });

  it('asks for compile before fit, and checks its options', async () => {
    const model = sequential({ layers: [dense({ units: 1, inputShape: [1] })] });
    await expect(model.fit([[1]], [[1]])).rejects.toThrow(/Expected model "sequential" to be compiled before fit\(\)/);
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(model.fit([[1]], [[1]], { batchSize: 0 })).rejects.toThrow('Expected batchSize to be an integer ≥ 1, received 0');
    await expect(model.fit([[1]], [[1]], { epochs: -1 })).rejects.toThrow('Expected epochs to be an integer ≥ 0, received -1');
    model.dispose();
  });
});

describe('fit reproducibility', () => {
  it('gives the same history for the same seed', async () => {
    const run = async () => {
      setSeed(7);
      const model = xorModel();
      const history = await model.fit(xorX, xorY, { epochs: 5, batchSize: 2, verbose: 0 });
      model.dispose();
      resetUniqueNames();
      return history.history.loss;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('fit input checks', () => {
  it('names mismatched sample counts, even with validationSplit', async () => {
    const model = sequential({ layers: [dense({ units: 1, inputShape: [1] })] });
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(model.fit([[1], [2], [3]], [[1]], { validationSplit: 0.5, verbose: 0 })).rejects.toThrow(
      'Expected x and y to have the same number of samples, received 3, 1',
    );
    model.dispose();
  });
});

describe('fit target checks', () => {
  it('names NaN targets before training', async () => {
    const model = sequential({ layers: [dense({ units: 1, inputShape: [1] })] });
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(model.fit([[1], [2]], [[1], [Number.NaN]], { verbose: 0 })).rejects.toThrow('Expected finite labels in y, received NaN at flat index 1');
    model.dispose();
  });
});

describe('fit on a Dataset pipeline', () => {
  it('trains on Dataset.fromArrays(...).shuffle().batch() each epoch, leaking nothing', async () => {
    const { Dataset } = await import('@dendrite/datasets');
    const model = frozenLinear();
    const data = Dataset.fromArrays({ xs: { values: Float32Array.from([1, 2, 3, 4]), shape: [4, 1] }, ys: { values: Float32Array.from([2, 3, 4, 5]), shape: [4, 1] } })
      .shuffle(4, 1)
      .batch(2);
    await model.fit(data, undefined, { epochs: 1, verbose: 0 });
    const history = await expectNoLeakedTensors(() => model.fit(data, undefined, { epochs: 3, verbose: 0 }));
    expectArraysClose(history.history.loss, [1, 1, 1]);
    model.dispose();
  });
});
