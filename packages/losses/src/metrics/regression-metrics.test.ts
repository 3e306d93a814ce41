import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { EPS32, mean, sum } from '../testing/read';
import { MeanAbsoluteError, MeanAbsolutePercentageError, MeanSquaredError, MeanSquaredLogarithmicError, RootMeanSquaredError } from './regression-metrics';

describeEachBackend('regression metrics', () => {
  const yTrue = [[1, 2], [2, 0], [4, 4], [0.5, 1], [3, 3], [2, 1], [1, 1], [0, 5], [6, 2]];
  const yPred = [[2, 2], [2, 1], [2, 4], [0.5, 3], [1, 3], [2, 2], [0, 1], [1, 4], [6, 0]];
  const weights = [1, 2, 0, 1, 0.5, 1, 3, 1, 1];
  const perSample = (f: (t: number, p: number) => number) => yTrue.map((row, i) => mean(row.map((t, j) => f(t, yPred[i][j]))));
  const weighted = (values: number[]) => sum(values.map((v, i) => v * weights[i])) / sum(weights);

  it('MSE, MAE, MAPE and MSLE stream the mean of their per-sample values', async () => {
    const cases: Array<[() => MeanSquaredError, (t: number, p: number) => number]> = [
      [() => new MeanSquaredError(), (t, p) => (t - p) ** 2],
      [() => new MeanAbsoluteError(), (t, p) => Math.abs(t - p)],
      [() => new MeanAbsolutePercentageError(), (t, p) => (100 * Math.abs(t - p)) / Math.max(Math.abs(t), EPS32)],
      [() => new MeanSquaredLogarithmicError(), (t, p) => (Math.log(Math.max(p, EPS32) + 1) - Math.log(Math.max(t, EPS32) + 1)) ** 2],
    ];
    for (const [makeMetric, f] of cases) {
      const values = perSample(f);
      await runMetricTest({ makeMetric, yTrue, yPred, expected: mean(values), weights, expectedWeighted: weighted(values), tolerance: 1e-4 });
    }
  });

  it('RMSE is the root of the running mean, not a mean of roots', async () => {
    const squared = perSample((t, p) => (t - p) ** 2);
    await runMetricTest({ makeMetric: () => new RootMeanSquaredError(), yTrue, yPred, expected: Math.sqrt(mean(squared)), weights, expectedWeighted: Math.sqrt(weighted(squared)) });
    expect(Math.sqrt(mean(squared))).not.toBeCloseTo(mean(squared.map(Math.sqrt)), 3);
  });

  it('carries Keras default names', () => {
    const metrics = [new MeanSquaredError(), new MeanAbsoluteError(), new RootMeanSquaredError({ name: 'rmse' })];
    expect(metrics.map((metric) => [metric.name, metric.className])).toEqual([
      ['mean_squared_error', 'MeanSquaredError'],
      ['mean_absolute_error', 'MeanAbsoluteError'],
      ['rmse', 'RootMeanSquaredError'],
    ]);
    metrics.forEach((metric) => metric.dispose());
  });
});
