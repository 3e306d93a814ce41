import { afterEach, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { Callback, type Logs } from '@dendrite/callbacks';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { expectNoLeakedTensors } from '@dendrite/test-utils';
import { sequential } from '../sequential';

afterEach(() => {
  resetUniqueNames();
  vi.restoreAllMocks();
});

/** y = x, frozen (learning rate 0): every loss is computable by hand. */
function identity() {
  const model = sequential({ layers: [dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
  model.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics: ['mae'] });
  return model;
}

/** Records the params, hooks and logs that fit hands its callbacks. */
class Recorder extends Callback {
  calls: string[] = [];
  epochLogs: Logs[] = [];
  trainEnd?: Logs | null;
  constructor(private readonly stopAt?: { epoch: number; batch: number }) {
    super();
  }
  override onBatchBegin(batch: number) {
    this.calls.push(`begin ${batch}`);
  }
  override onBatchEnd(batch: number, logs: Logs) {
    this.calls.push(`end ${batch} ${logs.loss.toFixed(3)}`);
    if (this.stopAt?.batch === batch && this.stopAt.epoch === this.epochLogs.length) this.model!.stopTraining = true;
  }
  override onEpochEnd(epoch: number, logs: Logs) {
    this.calls.push(`epoch ${epoch}`);
    this.epochLogs.push({ ...logs });
  }
  override onTrainEnd(logs?: Logs) {
    this.trainEnd = logs ?? null;
  }
}

// 7 samples in batches of 3 (3 steps, the last of 1), targets off by 1, 2, …: squared errors 1, 4, 9, …
const x = [[0], [0], [0], [0], [0], [0], [0]];
const y = [[1], [2], [3], [4], [5], [6], [7]];

describe('the fit loop', () => {
  it('hands the callbacks Keras’s params and running batch logs', async () => {
    const model = identity();
    const recorder = new Recorder();
    const run = (epochs: number, callbacks: Callback[]) => model.fit([...x, [0], [0], [0]], [...y, [8], [9], [10]], { epochs, batchSize: 3, shuffle: false, verbose: 0, validationSplit: 0.3, callbacks });
    // The first epoch makes the optimizer's slots and the metrics' state; later runs add nothing.
    await run(1, []);
    await expectNoLeakedTensors(() => run(2, [recorder]));
    expect(recorder.params).toEqual({ epochs: 2, steps: 3, verbose: 0, metrics: ['loss', 'mae', 'val_loss', 'val_mae'], batchSize: 3, samples: 7 });
    // Running means of the squared errors: (1 + 4 + 9) / 3, (1 + … + 36) / 6, (1 + … + 49) / 7.
    const epoch = ['begin 0', 'end 0 4.667', 'begin 1', 'end 1 15.167', 'begin 2', 'end 2 20.000'];
    expect(recorder.calls).toEqual([...epoch, 'epoch 0', ...epoch, 'epoch 1']);
    expect(Object.keys(recorder.epochLogs[1])).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    const expected = { loss: 20, mae: 4, val_loss: (64 + 81 + 100) / 3, val_mae: 9 };
    for (const [name, value] of Object.entries(expected)) expect(recorder.epochLogs[1][name]).toBeCloseTo(value, 4);
    expect(recorder.trainEnd).toEqual(recorder.epochLogs[1]);
    model.dispose();
  });

  it('validates every validationFreq epochs counted from the first epoch run', async () => {
    const model = identity();
    const recorder = new Recorder();
    await model.fit(x, y, { epochs: 7, initialEpoch: 1, batchSize: 7, verbose: 0, validationData: [x, y], validationFreq: 3, callbacks: [recorder] });
    // Epochs 1 … 6 run: the third and the sixth of them validate.
    expect(recorder.epochLogs.map((logs) => 'val_loss' in logs)).toEqual([false, false, true, false, false, true]);
    model.dispose();
  });

  it('resumes at a callback’s later initialEpoch, never an earlier one', async () => {
    const model = identity();
    const later = Object.assign(new Recorder(), { initialEpoch: 3 });
    await model.fit(x, y, { epochs: 5, batchSize: 7, verbose: 0, callbacks: [later] });
    expect(later.calls.filter((call) => call.startsWith('epoch'))).toEqual(['epoch 3', 'epoch 4']);
    const earlier = Object.assign(new Recorder(), { initialEpoch: 1 });
    await model.fit(x, y, { epochs: 4, initialEpoch: 2, batchSize: 7, verbose: 0, callbacks: [earlier] });
    expect(earlier.calls.filter((call) => call.startsWith('epoch'))).toEqual(['epoch 2', 'epoch 3']);
    model.dispose();
  });

  it('ends the epoch at the batch that sets stopTraining, and trains no further epoch', async () => {
    const model = identity();
    const recorder = new Recorder({ epoch: 1, batch: 0 });
    await model.fit(x, y, { epochs: 4, batchSize: 3, shuffle: false, verbose: 0, callbacks: [recorder] });
    expect(recorder.calls.slice(6)).toEqual(['epoch 0', 'begin 0', 'end 0 4.667', 'epoch 1']);
    expect(recorder.epochLogs[1].loss).toBeCloseTo(14 / 3, 5);
    model.dispose();
  });

  it('runs no epoch for epochs 0, ending with no logs', async () => {
    const model = identity();
    const recorder = new Recorder();
    const history = await model.fit(x, y, { epochs: 0, verbose: 0, callbacks: [recorder] });
    expect(history.epoch).toEqual([]);
    expect(recorder.trainEnd).toBeNull();
    model.dispose();
  });

  it('prints a progress bar by default and with verbose 2, not with 0', async () => {
    const model = identity();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    expect(write).not.toHaveBeenCalled();
    await model.fit(x, y, { epochs: 1 });
    expect(write.mock.calls.join('')).toContain('1/1 [====');
    write.mockClear();
    await model.fit(x, y, { epochs: 1, verbose: 2 });
    expect(write.mock.calls.join('')).toContain('loss:');
    model.dispose();
  });

  it('refuses bad options and an empty stream, naming them', async () => {
    const model = identity();
    await expect(model.fit(x, y, { initialEpoch: -1, verbose: 0 })).rejects.toThrow('Expected initialEpoch to be an integer ≥ 0, received -1');
    await expect(model.fit(x, y, { initialEpoch: 0.5, verbose: 0 })).rejects.toThrow('Expected initialEpoch to be an integer ≥ 0, received 0.5');
    await expect(model.fit(x, y, { epochs: 1.5, verbose: 0 })).rejects.toThrow('Expected epochs to be an integer ≥ 0, received 1.5');
    await expect(model.fit(x, y, { batchSize: 2.5, verbose: 0 })).rejects.toThrow('Expected batchSize to be an integer ≥ 1, received 2.5');
    await expect(model.fit(x, y, { verbose: 3 as never })).rejects.toThrow('Expected verbose to be 0, 1 or 2, received 3');
    await expect(model.fit(x, y, { verbose: 0, validationData: [x, y, x, y] as never })).rejects.toThrow('Expected validationData to be [x, y] or [x, y, sampleWeight], received a list of 4');
    function* nothing(): Generator<{ xs: tf.Tensor; ys: tf.Tensor }> {}
    await expect(model.fit(nothing(), undefined, { verbose: 0 })).rejects.toThrow('Expected at least one batch in epoch 1, received none (is the dataset empty?)');
    model.dispose();
  });
});
