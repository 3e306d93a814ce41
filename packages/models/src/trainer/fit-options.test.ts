import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { Callback, type Logs, type TrainingParams } from '@dendrite/callbacks';
import { type CallArgs, type TensorOrList, dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { expectNoLeakedTensors } from '@dendrite/test-utils';
import { Model } from '../model';
import { sequential } from '../sequential';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

/** y = x, frozen (learning rate 0): every loss is computable by hand. */
function identity() {
  const model = sequential({ layers: [dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
  model.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics: ['mae'] });
  return model;
}

/** Records the params fit hands its callbacks and the running logs of each validation batch. */
class Recorder extends Callback {
  seenParams?: TrainingParams;
  testBatches: number[] = [];
  override setParams(params: TrainingParams) {
    super.setParams(params);
    this.seenParams = { ...params, metrics: params.metrics };
  }
  override onTestBatchEnd(_batch: number, logs?: Logs) {
    this.testBatches.push(logs!.loss);
  }
}

// Inputs 0, targets 1 … 4: the identity's errors are 1 … 4, squared 1, 4, 9, 16.
const x = [[0], [0], [0], [0]];
const y = [[1], [2], [3], [4]];

function* batchesOf(size: number) {
  for (let start = 0; start < x.length; start += size) yield { xs: x.slice(start, start + size), ys: y.slice(start, start + size) };
}

// Every test leaves as many tensors alive as it found: its models, weights and batches disposed.
let tensorsBefore = 0;
beforeEach(() => {
  tensorsBefore = tf.memory().numTensors;
});
afterEach(() => {
  expect(tf.memory().numTensors, 'tensors alive after the test').toBe(tensorsBefore);
});

describe("fit's options", () => {
  it('throws RangeError for a number out of range and TypeError for a value of another type', async () => {
    const model = identity();
    const quiet = { verbose: 0 } as const;
    await expect(model.fit(x, y, { ...quiet, epochs: -1 })).rejects.toThrow(new RangeError('Expected epochs to be an integer ≥ 0, received -1 in fit'));
    await expect(model.fit(x, y, { ...quiet, epochs: '2' as never })).rejects.toThrow(new TypeError('Expected epochs to be an integer ≥ 0, received "2" in fit'));
    await expect(model.fit(x, y, { ...quiet, initialEpoch: -1 })).rejects.toThrow(new RangeError('Expected initialEpoch to be an integer ≥ 0, received -1 in fit'));
    await expect(model.fit(x, y, { ...quiet, batchSize: 0 })).rejects.toThrow(new RangeError('Expected batchSize to be an integer ≥ 1, received 0 in fit'));
    await expect(model.fit(x, y, { ...quiet, batchSize: 0.5 })).rejects.toThrow(new RangeError('Expected batchSize to be an integer ≥ 1, received 0.5 in fit'));
    model.dispose();
  });

  it('checks batchSize whatever the data, a stream of batches included', async () => {
    const model = identity();
    // A stream's batches are its own; fit still refuses a batchSize that could never be one.
    await expect(model.fit(batchesOf(2), { verbose: 0, batchSize: 0 })).rejects.toThrow(new RangeError('Expected batchSize to be an integer ≥ 1, received 0 in fit'));
    await expect(model.fit(batchesOf(2), { verbose: 0, batchSize: 2.5 })).rejects.toThrow(new RangeError('Expected batchSize to be an integer ≥ 1, received 2.5 in fit'));
    model.dispose();
  });

  it('trains in batches of one sample with batchSize 1', async () => {
    const model = identity();
    const recorder = new Recorder();
    const history = await model.fit(x, y, { batchSize: 1, shuffle: false, verbose: 0, callbacks: [recorder] });
    expect(recorder.seenParams).toMatchObject({ steps: 4, batchSize: 1, samples: 4 });
    expect(history.history.loss[0]).toBeCloseTo((1 + 4 + 9 + 16) / 4, 5);
    model.dispose();
  });

  it('names only the training metrics in params when nothing is validated', async () => {
    const model = identity();
    const recorder = new Recorder();
    await model.fit(x, y, { batchSize: 4, verbose: 0, callbacks: [recorder] });
    expect(recorder.seenParams!.metrics).toEqual(['loss', 'mae']);
    model.dispose();
  });

  it('validates on a stream of batches', async () => {
    const model = identity();
    const history = await model.fit(x, y, { batchSize: 4, verbose: 0, validationData: batchesOf(3) });
    expect(history.history.val_loss[0]).toBeCloseTo(30 / 4, 5);
    expect(history.history.val_mae[0]).toBeCloseTo(10 / 4, 5);
    model.dispose();
  });

  it('weights the validation loss by [x, y, sampleWeight]: Σ w · loss / samples', async () => {
    const model = identity();
    const history = await model.fit(x, y, { batchSize: 4, verbose: 0, validationData: [x, y, [2, 0, 1, 0]] });
    expect(history.history.val_loss[0]).toBeCloseTo((2 * 1 + 1 * 9) / 4, 5);
    model.dispose();
  });

  it('validates in order, unshuffled, whatever the training shuffle (Keras evaluates with shuffle=False)', async () => {
    setSeed(7);
    const model = identity();
    const recorder = new Recorder();
    await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, validationData: [x, y], validationBatchSize: 1, callbacks: [recorder] });
    // Running means of the squared errors in sample order, each epoch: 1, 5/2, 14/3, 30/4.
    const inOrder = [1, 5 / 2, 14 / 3, 30 / 4];
    expect(recorder.testBatches).toHaveLength(8);
    recorder.testBatches.forEach((loss, batch) => expect(loss).toBeCloseTo(inOrder[batch % 4], 5));
    model.dispose();
  });

  it('disposes the sample weights of every batch', async () => {
    const model = identity();
    const sampleWeight = tf.tensor1d([1, 2, 3, 4]);
    const run = () => model.fit(x, y, { batchSize: 3, verbose: 0, sampleWeight });
    // The first run makes the metrics' state; later runs add nothing.
    await run();
    const history = await expectNoLeakedTensors(run);
    expect(history.history.loss[0]).toBeCloseTo((1 + 8 + 27 + 64) / 4, 4);
    sampleWeight.dispose();
    model.dispose();
  });
});

/** A subclassed y = x: its outputs are known only once it has been called. */
class Subclassed extends Model {
  inner = dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'zeros' });
  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    return this.inner.apply(inputs as tf.Tensor, args) as tf.Tensor;
  }
}

describe('fit on a subclassed model fed a stream', () => {
  it('learns the logged names from the first batch', async () => {
    const net = new Subclassed();
    net.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics: ['mae'] });
    expect(net.hasKnownOutputs).toBe(false);
    const recorder = new Recorder();
    const history = await net.fit(batchesOf(2), { verbose: 0, callbacks: [recorder] });
    expect(Object.keys(history.history)).toEqual(['loss', 'mae']);
    expect(history.history.loss[0]).toBeCloseTo(30 / 4, 5);
    expect(history.history.mae[0]).toBeCloseTo(10 / 4, 5);
    expect(recorder.seenParams!.metrics).toEqual(['loss', 'mae']);
    net.dispose();
  });
});
