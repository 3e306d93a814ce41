import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { Callback, type Logs } from '@dendrite/callbacks';
import { dense, input, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { model } from '../functional';
import { Model } from '../model';
import { sequential } from '../sequential';

afterEach(() => resetUniqueNames());

function frozenLinear() {
  const m = sequential([dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })]);
  m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse' });
  return m;
}

it('refuses unknown option keys of compile, fit, evaluate, predict, trainOnBatch and testOnBatch, naming the spelling meant', async () => {
  const m = frozenLinear();
  expect(() => m.compile({ optimizer: 'sgd', loss: 'mse', loss_weights: [1] } as never)).toThrow('Unknown option "loss_weights" in compile: did you mean "lossWeights"?');
  await expect(m.fit([[1]], [[1]], { batch_size: 32 } as never)).rejects.toThrow('Unknown option "batch_size" in fit: did you mean "batchSize"?');
  await expect(m.fit([[1]], [[1]], { nb_epoch: 3 } as never)).rejects.toThrow('Unknown option "nb_epoch" in fit: did you mean "epochs"?');
  await expect(m.evaluate([[1]], [[1]], { return_dict: true } as never)).rejects.toThrow('Unknown option "return_dict" in evaluate: did you mean "returnDict"?');
  expect(() => m.predict([[1]], { batch_size: 1 } as never)).toThrow('Unknown option "batch_size" in predict: did you mean "batchSize"?');
  await expect(m.trainOnBatch([[1]], [[1]], { sample_weight: [1] } as never)).rejects.toThrow('Unknown option "sample_weight" in trainOnBatch: did you mean "sampleWeight"?');
  await expect(m.testOnBatch([[1]], [[1]], { classWeight: {} } as never)).rejects.toThrow(/Unknown option "classWeight" in testOnBatch/);
  // A dataset or generator carries its targets: its options come second, and are checked the same.
  function* batches() {
    yield { xs: [[1]], ys: [[1]] };
  }
  await expect(m.fit(batches(), { epochs: 1, steps_per_epoch: 1 } as never)).rejects.toThrow('Unknown option "steps_per_epoch" in fit: did you mean "stepsPerEpoch"?');
  await expect(m.evaluate(batches(), { verbose: 0, stepz: 1 } as never)).rejects.toThrow('Unknown option "stepz" in evaluate: did you mean "steps"?');
  m.dispose();
});

it('refuses unknown option keys of the model constructors', () => {
  const source = input({ shape: [1] });
  expect(() => model({ input: source, outputs: source } as never)).toThrow('Unknown option "input" in Model: did you mean "inputs"?');
  expect(() => new Model({ traineble: false } as never)).toThrow('Unknown option "traineble" in Model: did you mean "trainable"?');
  // A subclass passing its own options on is its own business.
  class Custom extends Model {
    constructor(args: { name?: string; width?: number }) {
      super({ name: args.name });
    }
  }
  expect(new Custom({ width: 3 })).toBeInstanceOf(Model);
  expect(model({ inputs: source, outputs: dense({ units: 1 }).apply(source), name: 'm', trainable: false }).trainable).toBe(false);
});

describeEachBackend('options that were declared but not read', () => {
  it('trainOnBatch and testOnBatch take sampleWeight and returnDict', async () => {
    const m = frozenLinear();
    // Squared errors 1 and 4, weighted 1 and 0: (1 + 0) / 2.
    expectArraysClose([(await m.trainOnBatch([[0], [0]], [[1], [2]], { sampleWeight: [1, 0] })) as number], [0.5]);
    expect(await m.testOnBatch([[0], [0]], [[1], [2]], { sampleWeight: [0, 1], returnDict: true })).toEqual({ loss: 2 });
    m.dispose();
  });

  it('validationBatchSize and validationSteps apply to validationSplit; evaluate calls its callbacks’ test hooks', async () => {
    const m = frozenLinear();
    const testBatches: number[] = [];
    let ended: Logs | undefined;
    class CountTests extends Callback {
      override onTestBatchEnd(batch: number) {
        testBatches.push(batch);
      }
      override onTestEnd(logs?: Logs) {
        ended = logs;
      }
    }
    const x = Array.from({ length: 10 }, (_, i) => [i]);
    await m.fit(x, x, { epochs: 1, verbose: 0, validationSplit: 0.5, validationBatchSize: 2, validationSteps: 2, callbacks: [new CountTests()] });
    expect(testBatches).toEqual([0, 1]); // 5 validation samples in batches of 2 would make 3 steps
    testBatches.length = 0;
    await expectNoLeakedTensors(() => m.evaluate(x, x, { batchSize: 4, callbacks: [new CountTests()] }));
    expect(testBatches).toEqual([0, 1, 2]);
    expect(ended).toEqual({ loss: 0 });
    const predicted: number[] = [];
    class CountPredictions extends Callback {
      override onPredictBatchEnd(batch: number) {
        predicted.push(batch);
      }
    }
    tf.dispose(m.predict(x, { batchSize: 5, callbacks: [new CountPredictions()] }));
    expect(predicted).toEqual([0, 1]);
    m.dispose();
  });
});
