import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { Callback, type TrainingParams } from '@dendrite/callbacks';
import { type CallArgs, type TensorOrList, dense, input, resetUniqueNames } from '@dendrite/layers';
import { expectNoLeakedTensors } from '@dendrite/test-utils';
import { model } from '../functional';
import { Model } from '../model';
import { type TensorMap, outputsByName } from '../model-output';
import { sequential } from '../sequential';

afterEach(() => {
  resetUniqueNames();
  vi.restoreAllMocks();
});

/** y = 2x + 1 on one feature: predictions are checkable by hand. */
const affine = (options: { inputShape?: number[]; activityRegularizer?: 'l2' } = {}) =>
  dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'ones', ...options });

function doubler() {
  const m = sequential({ layers: [affine({ inputShape: [1] })] });
  return m;
}

/** Records the predict hooks and params. */
class Recorder extends Callback {
  calls: string[] = [];
  seenParams?: TrainingParams;
  override setParams(params: TrainingParams) {
    super.setParams(params);
    this.seenParams = params;
  }
  override onPredictBegin() {
    this.calls.push('begin');
  }
  override onPredictBatchBegin(batch: number) {
    this.calls.push(`batch begin ${batch}`);
  }
  override onPredictBatchEnd(batch: number) {
    this.calls.push(`batch end ${batch}`);
  }
  override onPredictEnd() {
    this.calls.push('end');
  }
}

const x5 = [[0], [1], [2], [3], [4]];

// Every test leaves as many tensors alive as it found: its models, weights and batches disposed.
let tensorsBefore = 0;
beforeEach(() => {
  tensorsBefore = tf.memory().numTensors;
});
afterEach(() => {
  expect(tf.memory().numTensors, 'tensors alive after the test').toBe(tensorsBefore);
});

describe('predict', () => {
  it('predicts every sample in order, in batches that do not divide the samples, leaking nothing', async () => {
    const m = doubler();
    // x + 1 with a kernel of ones (one feature): 1 … 5.
    const values = await expectNoLeakedTensors(() => {
      const out = m.predict(x5, { batchSize: 2, verbose: 0 }) as tf.Tensor;
      const read = { shape: out.shape, values: Array.from(out.dataSync()) };
      out.dispose();
      return read;
    });
    expect(values).toEqual({ shape: [5, 1], values: [1, 2, 3, 4, 5] });
    m.dispose();
  });

  it('takes batches of one sample, and one batch of every sample, leaking nothing', async () => {
    const m = doubler();
    for (const batchSize of [1, 5, 32]) {
      const values = await expectNoLeakedTensors(() => {
        const out = m.predict(x5, { batchSize, verbose: 0 }) as tf.Tensor;
        const read = Array.from(out.dataSync());
        out.dispose();
        return read;
      });
      expect(values).toEqual([1, 2, 3, 4, 5]);
    }
    m.dispose();
  });

  it('calls the predict hooks in order and hands Keras’s params', () => {
    const m = doubler();
    const recorder = new Recorder();
    tf.dispose(m.predict(x5, { batchSize: 2, verbose: 0, callbacks: [recorder] }));
    expect(recorder.calls).toEqual(['begin', 'batch begin 0', 'batch end 0', 'batch begin 1', 'batch end 1', 'batch begin 2', 'batch end 2', 'end']);
    expect(recorder.seenParams).toEqual({ epochs: 1, steps: 3, verbose: 0, metrics: [], batchSize: 2, samples: 5 });
    const byDefault = new Recorder();
    tf.dispose(m.predict(Array.from({ length: 33 }, () => [0]), { verbose: 0, callbacks: [byDefault] }));
    expect(byDefault.seenParams).toMatchObject({ steps: 2, batchSize: 32, samples: 33 });
    m.dispose();
  });

  it('prints a progress bar by default, nothing with verbose 0', () => {
    const m = doubler();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    tf.dispose(m.predict(x5, { verbose: 0 }));
    expect(write).not.toHaveBeenCalled();
    tf.dispose(m.predict(x5));
    expect(write.mock.calls.join('')).toContain('1/1');
    m.dispose();
  });

  it('frees the activity penalties its calls record', async () => {
    const m = sequential({ layers: [affine({ inputShape: [1], activityRegularizer: 'l2' })] });
    tf.dispose(m.predict(x5, { verbose: 0 }));
    await expectNoLeakedTensors(() => tf.dispose(m.predict(x5, { batchSize: 2, verbose: 0 })));
    expect(m.losses).toEqual([]);
    m.dispose();
  });

  it('refuses a stream, a bad batchSize or verbose, and no samples, naming them', () => {
    const m = doubler();
    function* batches() {
      yield { xs: x5, ys: x5 };
    }
    expect(() => m.predict(batches() as never)).toThrow(new Error('Expected x to be tensors or arrays in predict, received a stream of batches: iterate it and call predictOnBatch'));
    expect(() => m.predict(x5, { batchSize: 0 })).toThrow(new RangeError('Expected batchSize to be an integer ≥ 1, received 0 in predict'));
    expect(() => m.predict(x5, { batchSize: 1.5 })).toThrow(new RangeError('Expected batchSize to be an integer ≥ 1, received 1.5 in predict'));
    expect(() => m.predict(x5, { batchSize: '2' as never })).toThrow(new TypeError('Expected batchSize to be an integer ≥ 1, received "2" in predict'));
    expect(() => m.predict(x5, { verbose: 3 as never })).toThrow(new Error('Expected verbose to be 0, 1 or 2 in predict, received 3'));
    const empty = tf.zeros([0, 1]);
    expect(() => m.predict(empty, { verbose: 0 })).toThrow(new Error('Expected at least one sample to predict, received none'));
    tf.dispose(empty);
    m.dispose();
  });
});

/** Two outputs as a list: [x + 1, x + 1]. */
class TwoOutputs extends Model {
  first = affine();
  second = affine();
  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    return [this.first.apply(inputs as tf.Tensor, args) as tf.Tensor, this.second.apply(tf.mul(inputs as tf.Tensor, 2), args) as tf.Tensor];
  }
}

/** One output in a list of one. */
class ListOfOne extends Model {
  only = affine();
  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    return [this.only.apply(inputs as tf.Tensor, args) as tf.Tensor];
  }
}

/** Outputs by name. */
class ByName extends Model {
  plain = affine();
  doubled = affine();
  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    return outputsByName({ plain: this.plain.apply(inputs as tf.Tensor, args) as tf.Tensor, doubled: this.doubled.apply(tf.mul(inputs as tf.Tensor, 2), args) as tf.Tensor });
  }
}

const read = (tensor: tf.Tensor) => Array.from(tensor.dataSync());

describe('predict returns the structure the model returns', () => {
  it('a list of tensors for several outputs, each concatenated over its batches', () => {
    const net = new TwoOutputs();
    const out = net.predict(x5, { batchSize: 2, verbose: 0 }) as tf.Tensor[];
    expect(Array.isArray(out)).toBe(true);
    expect(out.map(read)).toEqual([[1, 2, 3, 4, 5], [1, 3, 5, 7, 9]]);
    tf.dispose(out);
    net.dispose();
  });

  it('a subclassed model’s list of one stays a list; a functional model’s comes back as the tensor', () => {
    const net = new ListOfOne();
    const out = net.predict(x5, { batchSize: 2, verbose: 0 }) as tf.Tensor[];
    expect(Array.isArray(out)).toBe(true);
    expect(out.map(read)).toEqual([[1, 2, 3, 4, 5]]);
    tf.dispose(out);
    net.dispose();
    const source = input({ shape: [1] });
    const functional = model({ inputs: source, outputs: [affine().apply(source) as never] });
    const single = functional.predict(x5, { batchSize: 2, verbose: 0 }) as tf.Tensor;
    expect(single).toBeInstanceOf(tf.Tensor);
    expect(read(single)).toEqual([1, 2, 3, 4, 5]);
    single.dispose();
    functional.dispose();
  });

  it('an object by output name for outputs by name', async () => {
    const net = new ByName();
    tf.dispose(net.predict(x5, { verbose: 0 }) as never);
    const values = await expectNoLeakedTensors(() => {
      const out = net.predict(x5, { batchSize: 3, verbose: 0 }) as TensorMap;
      const result = Object.fromEntries(Object.entries(out).map(([name, tensor]) => [name, read(tensor)]));
      tf.dispose(Object.values(out));
      return result;
    });
    expect(values).toEqual({ plain: [1, 2, 3, 4, 5], doubled: [1, 3, 5, 7, 9] });
    net.dispose();
  });
});

describe('predict on a functional model of two inputs and two outputs', () => {
  /** [a, b] → [a + 1, b + 1], each through its own y = x + 1. */
  function twoByTwo() {
    const [a, b] = [input({ shape: [1], name: 'a' }), input({ shape: [1], name: 'b' })];
    return model({ inputs: [a, b], outputs: [affine().apply(a) as never, affine().apply(b) as never] });
  }

  it('returns the list of both outputs, each over every batch', () => {
    const m = twoByTwo();
    const out = m.predict([x5, [[10], [20], [30], [40], [50]]], { batchSize: 2, verbose: 0 }) as tf.Tensor[];
    expect(Array.isArray(out)).toBe(true);
    expect(out.map(read)).toEqual([[1, 2, 3, 4, 5], [11, 21, 31, 41, 51]]);
    tf.dispose(out);
    m.dispose();
  });

  it('names the inputs it expected and the one that is malformed', () => {
    const m = twoByTwo();
    const t = tf.tensor2d(x5);
    expect(() => m.predict([t, t, t], { verbose: 0 })).toThrow(new Error('Expected 2 inputs (a, b), received 3'));
    t.dispose();
    expect(() => m.predict([x5, [[1], [2, 3]]] as never, { verbose: 0 })).toThrow(new Error('Expected x[1] to be a rectangular nested array, received a ragged one'));
    m.dispose();
  });
});
