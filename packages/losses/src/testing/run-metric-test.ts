import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectArraysClose, expectNoLeakedTensors } from '@dendrite/backend/testing';
import type { Metric } from '@dendrite/losses';
import { read } from './read';

/** What {@link runMetricTest} checks of one metric. */
export interface MetricTestCase {
  /** Makes a fresh metric. */
  makeMetric: () => Metric;
  /** Nine samples, fed as batches of 3, 1 and 5. */
  yTrue: number[] | number[][];
  yTrueDtype?: 'float32' | 'int32';
  yPred: number[][];
  /** The metric over all nine samples, computed by hand. */
  expected: number | number[];
  /** Per-sample weights and the weighted metric, computed by hand. */
  weights?: number[];
  expectedWeighted?: number | number[];
  tolerance?: number;
  /** Whether `fromConfig(getConfig())` should rebuild it (not for a bare MeanMetricWrapper). */
  configRoundTrip?: boolean;
}

const SPLITS = [3, 1, 5];

/** Feeds `[begin, end)` of the samples (and weights) to `metric`. */
function feed(metric: Metric, testCase: MetricTestCase, begin: number, end: number, withWeights = false): void {
  tf.tidy(() => {
    const yTrue = tf.tensor(testCase.yTrue.slice(begin, end), undefined, testCase.yTrueDtype ?? 'float32');
    const yPred = tf.tensor2d(testCase.yPred.slice(begin, end));
    const weights = withWeights && testCase.weights ? tf.tensor1d(testCase.weights.slice(begin, end)) : undefined;
    metric.updateState(yTrue, yPred, weights);
  });
}

/**
 * The check every streaming metric passes: over the whole set it equals the hand-computed value;
 * fed as uneven batches (3, 1, 5) it gives the same; updates after the first (which builds any
 * state) and results leak no tensors; `resetState` starts over; weights count as computed by
 * hand; the config round-trips; `dispose` frees the state. Runs on the current backend.
 *
 * @param testCase the metric factory, nine samples and the values computed by hand
 * @throws a vitest assertion error naming the check that failed
 * @example
 * ```ts
 * await runMetricTest({ makeMetric: () => new BinaryAccuracy(), yTrue, yPred, expected: 7 / 9 });
 * ```
 */
export async function runMetricTest(testCase: MetricTestCase): Promise<void> {
  const tolerance = testCase.tolerance ?? 1e-5;
  const expected = [testCase.expected].flat();
  const before = tf.memory().numTensors;
  const metric = testCase.makeMetric();

  feed(metric, testCase, 0, 9);
  expectArraysClose(read(metric.result()), expected, tolerance);

  metric.resetState();
  expectArraysClose(read(metric.result()), expected.map(() => 0), tolerance);
  let begin = 0;
  for (const [index, size] of SPLITS.entries()) {
    if (index === 0) feed(metric, testCase, begin, begin + size);
    else await expectNoLeakedTensors(() => feed(metric, testCase, begin, begin + size));
    begin += size;
  }
  const streamed = await expectNoLeakedTensors(() => read(metric.result()));
  expectArraysClose(streamed, expected, tolerance);

  if (testCase.weights && testCase.expectedWeighted !== undefined) {
    metric.resetState();
    feed(metric, testCase, 0, 4, true);
    feed(metric, testCase, 4, 9, true);
    expectArraysClose(read(metric.result()), [testCase.expectedWeighted].flat(), tolerance);
  }

  if (testCase.configRoundTrip ?? true) {
    const config = metric.getConfig();
    const rebuilt = (metric.constructor as typeof Metric & { fromConfig(c: Record<string, unknown>): Metric }).fromConfig(config);
    expect(rebuilt.getConfig()).toEqual(config);
    rebuilt.dispose();
  }
  metric.dispose();
  expect(tf.memory().numTensors, 'tensors alive after dispose').toBe(before);
}
