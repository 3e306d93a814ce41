import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { read } from '../testing/read';
import { R2Score, type R2ScoreArgs } from './r2-score';
import { get, serialize } from './get-metric';

const yTrue = [[1, 10], [4, 12], [3, 9], [2, 15], [5, 11], [6, 8], [2, 14], [7, 10], [4, 13]];
const yPred = [[1.5, 11], [3.5, 12], [3, 10], [2.5, 13], [4, 11], [6.5, 9], [1, 13], [6, 10], [4.5, 12]];
const weights = [1, 2, 0.5, 1, 3, 1, 0, 2, 1];

/** By hand: per output 1 − Σw(y − ŷ)² / Σw(y − ȳ_w)², then the aggregation and the adjustment. */
function r2({ classAggregation = 'uniform_average', numRegressors = 0 }: R2ScoreArgs, w: number[] = weights.map(() => 1)): number | number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const totals: number[] = [];
  const scores = [0, 1].map((k) => {
    const mean = sum(yTrue.map((row, i) => w[i] * row[k])) / sum(w);
    const total = sum(yTrue.map((row, i) => w[i] * (row[k] - mean) ** 2));
    totals.push(total);
    return 1 - sum(yTrue.map((row, i) => w[i] * (row[k] - yPred[i][k]) ** 2)) / total;
  });
  const score = classAggregation === null ? scores : classAggregation === 'uniform_average' ? sum(scores) / 2 : sum(scores.map((s, k) => s * totals[k])) / sum(totals);
  const n = yTrue.length * 2;
  return numRegressors === 0 ? score : 1 - ((1 - (score as number)) * (n - 1)) / (n - numRegressors - 1);
}

describeEachBackend('R2Score', () => {
  it("equals Keras's docstring value", () => {
    const metric = new R2Score();
    tf.tidy(() => metric.updateState(tf.tensor2d([[1], [4], [3]]), tf.tensor2d([[2], [4], [4]])));
    expect(metric.resultValue()).toBeCloseTo(0.57142854, 5);
    metric.dispose();
  });

  for (const args of [{}, { classAggregation: null }, { classAggregation: 'variance_weighted_average' }, { numRegressors: 3 }] as R2ScoreArgs[]) {
    it(`accumulates over batches, with sample weights: ${JSON.stringify(args)}`, async () => {
      await runMetricTest({ makeMetric: () => new R2Score(args), yTrue, yPred, expected: r2(args), weights, expectedWeighted: r2(args, weights), tolerance: 1e-4 });
    });
  }

  it('scores targets that never vary 0, falls back to R² with too many regressors, and round-trips by name', () => {
    const metric = new R2Score({ classAggregation: null, numRegressors: 5 });
    tf.tidy(() => metric.updateState(tf.tensor2d([[2, 1], [2, 3], [2, 5]]), tf.tensor2d([[1, 1], [2, 3], [3, 4]])));
    // n = 6 values, p = 5: no adjustment; output 1: 1 − 1 / 8.
    expectArraysClose(read(metric.result()), [0, 0.875], 1e-6);
    expect(serialize(metric)).toEqual({ class_name: 'R2Score', config: { name: 'r2_score', class_aggregation: null, num_regressors: 5 } });
    const loaded = get(serialize(metric)) as R2Score;
    expect([loaded.classAggregation, loaded.numRegressors]).toEqual([null, 5]);
    expect(get('r2_score')).toBeInstanceOf(R2Score);
    for (const each of [metric, loaded]) each.dispose();
  });

  it('refuses what Keras refuses, naming the argument', () => {
    expect(() => new R2Score({ classAggregation: 'mean' as never })).toThrow('Expected classAggregation to be "uniform_average", "variance_weighted_average" or null, received "mean" in metric "r2_score"');
    expect(() => new R2Score({ numRegressors: -1 })).toThrow('Expected numRegressors to be an integer ≥ 0, received -1 in metric "r2_score"');
    expect(() => new R2Score({ num_regressors: 1 } as never)).toThrow('did you mean "numRegressors"?');
  });
});
