import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectArraysClose, expectNoLeakedTensors } from '@dendrite/backend/testing';
// The package's own name, not relative paths: the published `testing` entry shares the main
// entry's classes and registries instead of bundling copies of them.
import { get, serialize, type Loss, type LossArgs, type ReductionArgument } from '@dendrite/losses';
import { read, sum } from './read';

/** What {@link runLossTest} checks of one loss. */
export interface LossTestCase {
  /** Makes the loss with the given reduction (and the case's own options bound). */
  makeLoss: (args: LossArgs) => Loss;
  /** The function form with the same options, when there is one. */
  lossFunction?: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
  yTrue: number[] | number[][];
  yTrueDtype?: 'float32' | 'int32';
  yPred: number[][];
  /** The per-sample losses, computed by hand in plain JS. */
  expected: number[];
  tolerance?: number;
}

const WEIGHT_CYCLE = [0.5, 2, 0, 1.5];

/**
 * The check every loss passes (the losses' `runLayerTest`): the function form and every
 * reduction equal the hand-computed per-sample values, with sample weights of shape `[batch]` and
 * `[batch, 1]`, on a batch of one too; results are finite; nothing leaks; the config round-trips
 * through `fromConfig` and `get(serialize(loss))` (register a custom loss with `registerLoss`).
 * Runs on the current backend.
 *
 * @param testCase the loss factory, the data and the per-sample values computed by hand
 * @throws a vitest assertion error naming the check that failed
 * @example
 * ```ts
 * await runLossTest({
 *   makeLoss: (args) => new MeanSquaredError(args),
 *   yTrue: [[0, 1], [1, 1]],
 *   yPred: [[1, 1], [1, 0]],
 *   expected: [0.5, 0.5],
 * });
 * ```
 */
export async function runLossTest(testCase: LossTestCase): Promise<void> {
  const { expected, tolerance = 1e-5 } = testCase;
  const yTrue = tf.tensor(testCase.yTrue, undefined, testCase.yTrueDtype ?? 'float32');
  const yPred = tf.tensor2d(testCase.yPred);
  const n = expected.length;
  const weights = expected.map((_, i) => WEIGHT_CYCLE[i % WEIGHT_CYCLE.length]);
  const weighted = expected.map((value, i) => value * weights[i]);

  if (testCase.lossFunction) {
    const values = await expectNoLeakedTensors(() => read(testCase.lossFunction!(yTrue, yPred)));
    expectArraysClose(values, expected, tolerance);
  }
  const unweighted: Array<[ReductionArgument, number[]]> = [
    ['none', expected],
    ['sum', [sum(expected)]],
    ['sum_over_batch_size', [sum(expected) / n]],
    ['sumOverBatchSize', [sum(expected) / n]],
    ['mean', [sum(expected) / n]],
    ['mean_with_sample_weight', [sum(expected) / n]],
  ];
  for (const [reduction, values] of unweighted) {
    const loss = testCase.makeLoss({ reduction });
    const result = await expectNoLeakedTensors(() => read(loss.apply(yTrue, yPred)));
    expect(result.every(Number.isFinite), `finite ${reduction}`).toBe(true);
    expectArraysClose(result, values, tolerance);
  }
  const byWeights: Array<[ReductionArgument, number[]]> = [
    ['none', weighted],
    ['sum', [sum(weighted)]],
    ['sum_over_batch_size', [sum(weighted) / n]],
    ['mean_with_sample_weight', [sum(weighted) / sum(weights)]],
  ];
  for (const weightShape of [[n], [n, 1]]) {
    const sampleWeight = tf.tensor(weights, weightShape);
    for (const [reduction, values] of byWeights) {
      const loss = testCase.makeLoss({ reduction });
      const result = await expectNoLeakedTensors(() => read(loss.apply(yTrue, yPred, sampleWeight)));
      expectArraysClose(result, values, tolerance);
    }
    sampleWeight.dispose();
  }

  const firstTrue = tf.tidy(() => tf.slice(yTrue, 0, 1));
  const firstPred = tf.tidy(() => tf.slice(yPred, 0, 1));
  expectArraysClose(read(testCase.makeLoss({}).apply(firstTrue, firstPred)), [expected[0]], tolerance);
  tf.dispose([yTrue, yPred, firstTrue, firstPred]);

  const loss = testCase.makeLoss({ name: 'renamed', reduction: 'sum' });
  const config = loss.getConfig();
  expect((loss.constructor as typeof Loss & { fromConfig(c: Record<string, unknown>): Loss }).fromConfig(config).getConfig()).toEqual(config);
  expect(serialize(get(serialize(loss)))).toEqual(serialize(loss));
}
