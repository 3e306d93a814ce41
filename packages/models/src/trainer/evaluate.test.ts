import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { Callback, type Logs, type TrainingParams } from '@dendrite/callbacks';
import { type CallArgs, type TensorOrList, dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { expectNoLeakedTensors } from '@dendrite/test-utils';
import { Model } from '../model';
import type { MetricIdentifier } from './metric-set';
import { runTestEpoch } from './evaluate';
import { selectAdapter } from './data-adapters/select-adapter';
import { sequential } from '../sequential';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
  vi.restoreAllMocks();
});

const identityLayer = (inputShape?: number[]) => dense({ units: 1, inputShape, kernelInitializer: 'ones', biasInitializer: 'zeros' });

/** y = x, frozen: every loss is computable by hand. */
function identity(metrics: MetricIdentifier[] = ['mae']) {
  const m = sequential({ layers: [identityLayer([1])] });
  m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics });
  return m;
}

/** Records the test hooks, the running loss of each batch and the params. */
class Recorder extends Callback {
  calls: string[] = [];
  seenParams?: TrainingParams;
  override setParams(params: TrainingParams) {
    super.setParams(params);
    this.seenParams = { ...params };
  }
  override onTestBegin() {
    this.calls.push('begin');
  }
  override onTestBatchBegin(batch: number) {
    this.calls.push(`batch begin ${batch}`);
  }
  override onTestBatchEnd(batch: number, logs?: Logs) {
    this.calls.push(`batch end ${batch} ${logs!.loss.toFixed(3)}`);
  }
  override onTestEnd(logs?: Logs) {
    this.calls.push(`end ${JSON.stringify(logs)}`);
  }
}

// Inputs 0, targets 1 … 4: errors 1 … 4, squared 1, 4, 9, 16 (mse 7.5, mae 2.5).
const x = [[0], [0], [0], [0]];
const y = [[1], [2], [3], [4]];

// Every test leaves as many tensors alive as it found: its models, weights and batches disposed.
let tensorsBefore = 0;
beforeEach(() => {
  tensorsBefore = tf.memory().numTensors;
});
afterEach(() => {
  expect(tf.memory().numTensors, 'tensors alive after the test').toBe(tensorsBefore);
});

describe('evaluate', () => {
  it('returns the loss alone, the loss then the metrics, or them by name', async () => {
    const plain = identity([]);
    expect(await plain.evaluate(x, y, { verbose: 0 })).toBeCloseTo(7.5, 5);
    plain.dispose();
    const m = identity();
    const values = (await m.evaluate(x, y, { verbose: 0 })) as number[];
    expect(values).toHaveLength(2);
    expect(values[0]).toBeCloseTo(7.5, 5);
    expect(values[1]).toBeCloseTo(2.5, 5);
    const logs = (await m.evaluate(x, y, { verbose: 0, returnDict: true })) as Logs;
    expect(Object.keys(logs)).toEqual(['loss', 'mae']);
    expect(logs.loss).toBeCloseTo(7.5, 5);
    m.dispose();
  });

  it('runs the test hooks in order on every batch, unshuffled, with running logs', async () => {
    const m = identity();
    const recorder = new Recorder();
    // The first call makes the metrics' state; later calls add nothing.
    await m.evaluate(x, y, { verbose: 0 });
    setSeed(3);
    await expectNoLeakedTensors(() => m.evaluate(x, y, { batchSize: 1, verbose: 0, callbacks: [recorder] }));
    // Running means of the squared errors in sample order: 1, 5 / 2, 14 / 3, 30 / 4.
    const batches = ['1.000', '2.500', '4.667', '7.500'].flatMap((loss, batch) => [`batch begin ${batch}`, `batch end ${batch} ${loss}`]);
    expect(recorder.calls.slice(0, 9)).toEqual(['begin', ...batches]);
    expect(recorder.calls).toHaveLength(10);
    const ended = JSON.parse(recorder.calls[9].slice(4)) as Logs;
    expect(ended.loss).toBeCloseTo(7.5, 5);
    expect(ended.mae).toBeCloseTo(2.5, 5);
    expect(recorder.seenParams).toEqual({ epochs: 1, steps: 4, verbose: 0, metrics: ['loss', 'mae'], batchSize: 1, samples: 4 });
    m.dispose();
  });

  it('calls a callback that has only one of the test batch hooks', async () => {
    const m = identity();
    const seen: string[] = [];
    class BeginOnly extends Callback {
      override onTestBatchBegin(batch: number) {
        seen.push(`begin ${batch}`);
      }
    }
    class EndOnly extends Callback {
      override onTestBatchEnd(batch: number) {
        seen.push(`end ${batch}`);
      }
    }
    await m.evaluate(x, y, { batchSize: 2, verbose: 0, callbacks: [new BeginOnly()] });
    await m.evaluate(x, y, { batchSize: 2, verbose: 0, callbacks: [new EndOnly()] });
    expect(seen).toEqual(['begin 0', 'begin 1', 'end 0', 'end 1']);
    m.dispose();
  });

  it('batches 32 samples by default, and evaluates only the first `steps` batches', async () => {
    const m = identity();
    const recorder = new Recorder();
    const many = Array.from({ length: 33 }, () => [0]);
    await m.evaluate(many, many, { verbose: 0, callbacks: [recorder] });
    expect(recorder.seenParams).toMatchObject({ steps: 2, batchSize: 32, samples: 33 });
    // The first batch of two: (1 + 4) / 2.
    const [loss] = (await m.evaluate(x, y, { batchSize: 2, steps: 1, verbose: 0 })) as number[];
    expect(loss).toBeCloseTo(2.5, 5);
    m.dispose();
  });

  it('starts its metrics over on every call, after fit too', async () => {
    const m = identity();
    await m.fit(x, [[9], [9], [9], [9]], { verbose: 0 });
    const first = (await m.evaluate(x, y, { verbose: 0 })) as number[];
    const second = (await m.evaluate(x, y, { verbose: 0 })) as number[];
    expect(first[0]).toBeCloseTo(7.5, 5);
    expect(second[0]).toBeCloseTo(7.5, 5);
    m.dispose();
  });

  it('weights the loss by sampleWeight (Σ w · loss / samples) and frees the weights of every batch', async () => {
    const m = identity();
    const sampleWeight = tf.tensor1d([2, 0, 1, 0]);
    await m.evaluate(x, y, { verbose: 0, sampleWeight });
    const [loss] = (await expectNoLeakedTensors(() => m.evaluate(x, y, { batchSize: 3, verbose: 0, sampleWeight }))) as number[];
    expect(loss).toBeCloseTo((2 * 1 + 9) / 4, 5);
    sampleWeight.dispose();
    m.dispose();
  });

  it('evaluates a stream of batches', async () => {
    const m = identity();
    function* batches() {
      yield { xs: x.slice(0, 3), ys: y.slice(0, 3) };
      yield { xs: x.slice(3), ys: y.slice(3) };
    }
    const [loss] = (await m.evaluate(batches(), { verbose: 0 })) as number[];
    expect(loss).toBeCloseTo(7.5, 5);
    m.dispose();
  });

  it('prints a progress bar by default, nothing with verbose 0', async () => {
    const m = identity();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await m.evaluate(x, y, { verbose: 0 });
    expect(write).not.toHaveBeenCalled();
    await m.evaluate(x, y);
    expect(write.mock.calls.join('')).toContain('1/1');
    m.dispose();
  });

  it('refuses a bad verbose and an empty stream, naming them', async () => {
    const m = identity();
    await expect(m.evaluate(x, y, { verbose: 3 as never })).rejects.toThrow(new Error('Expected verbose to be 0, 1 or 2 in evaluate, received 3'));
    function* nothing(): Generator<{ xs: number[][]; ys: number[][] }> {}
    await expect(m.evaluate(nothing(), { verbose: 0 })).rejects.toThrow(new Error('Expected at least one batch to evaluate, received none'));
    m.dispose();
  });
});

/** A subclassed y = x: its outputs are known only once it has been called. */
class Subclassed extends Model {
  inner = identityLayer();
  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    return this.inner.apply(inputs as tf.Tensor, args) as tf.Tensor;
  }
}

describe('runTestEpoch', () => {
  it('runs without callbacks (their hooks are optional)', async () => {
    const m = identity();
    const { train } = selectAdapter(m, x, y, { batchSize: 3, shuffle: false });
    const values = await runTestEpoch(m, train);
    expect(values[0]).toBeCloseTo(7.5, 5);
    expect(values[1]).toBeCloseTo(2.5, 5);
    m.dispose();
  });

  it('asks for compile before evaluate, naming it', async () => {
    const m = sequential({ layers: [identityLayer([1])] });
    await expect(m.evaluate(x, y, { verbose: 0 })).rejects.toThrow(/to be compiled before evaluate\(\)/);
    m.dispose();
  });
});

describe('evaluate on a subclassed model never called, fed a stream', () => {
  it('names no metric in params before the first batch, then logs them by name', async () => {
    const net = new Subclassed();
    net.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics: ['mae'] });
    const recorder = new Recorder();
    function* batches() {
      yield { xs: x, ys: y };
    }
    expect(net.hasKnownOutputs).toBe(false);
    const logs = (await net.evaluate(batches(), { verbose: 0, returnDict: true, callbacks: [recorder] })) as Logs;
    expect(recorder.seenParams!.metrics).toEqual([]);
    expect(Object.keys(logs)).toEqual(['loss', 'mae']);
    expect(logs.loss).toBeCloseTo(7.5, 5);
    net.dispose();
  });
});
