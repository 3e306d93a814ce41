import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { read } from '../testing/read';
import { F1Score, FBetaScore, type FBetaScoreArgs } from './f-beta-score';
import { get, serialize } from './get-metric';

const EPS = 1e-7;
const yTrue = [[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 1], [1, 1, 1], [0, 0, 0], [1, 0, 1]];
const yPred = [[0.9, 0.2, 0.6], [0.3, 0.8, 0.1], [0.4, 0.7, 0.2], [0.1, 0.3, 0.9], [0.6, 0.6, 0.1], [0.2, 0.4, 0.7], [0.8, 0.9, 0.3], [0.5, 0.1, 0.2], [0.7, 0.2, 0.8]];
const weights = [1, 2, 0.5, 1, 3, 1, 0, 2, 1];

/** By hand: the counts per class (or summed for micro), then F-beta, then the average, with Keras's ε. */
function fBeta({ average = null, beta = 1, threshold = null }: FBetaScoreArgs, w: number[] = weights.map(() => 1)): number | number[] {
  const predicted = yPred.map((row) => row.map((p) => (threshold === null ? (p >= Math.max(...row) && Math.abs(p) > 1e-9 ? 1 : 0) : p > threshold ? 1 : 0)));
  const tp = [0, 0, 0], fp = [0, 0, 0], fn = [0, 0, 0], support = [0, 0, 0];
  yTrue.forEach((row, i) => row.forEach((t, c) => {
    const p = predicted[i][c];
    tp[c] += w[i] * p * t; fp[c] += w[i] * p * (1 - t); fn[c] += w[i] * (1 - p) * t; support[c] += w[i] * t;
  }));
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const score = (t: number, f: number, n: number) => {
    const precision = t / (t + f + EPS), recall = t / (t + n + EPS);
    return ((precision * recall) / (beta ** 2 * precision + recall + EPS)) * (1 + beta ** 2);
  };
  if (average === 'micro') return score(total(tp), total(fp), total(fn));
  const scores = tp.map((t, c) => score(t, fp[c], fn[c]));
  if (average === 'macro') return total(scores) / 3;
  if (average === 'weighted') return total(scores.map((s, c) => (s * support[c]) / (total(support) + EPS)));
  return scores;
}

describeEachBackend('FBetaScore and F1Score', () => {
  it("equal Keras's docstring values", () => {
    const labels = [[1, 1, 1], [1, 0, 0], [1, 1, 0]];
    const scores = [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]];
    for (const [metric, expected] of [[new FBetaScore({ beta: 2, threshold: 0.5 }), [0.3846154, 0.90909094, 0.8333334]], [new F1Score({ threshold: 0.5 }), [0.5, 0.8, 0.6666667]]] as const) {
      tf.tidy(() => metric.updateState(tf.tensor2d(labels), tf.tensor2d(scores)));
      expectArraysClose(read(metric.result()), [...expected], 1e-5);
      metric.dispose();
    }
  });

  for (const args of [{ threshold: 0.5 }, {}, { average: 'micro', beta: 2, threshold: 0.35 }, { average: 'macro', beta: 0.5 }, { average: 'weighted', threshold: 0.5 }] as FBetaScoreArgs[]) {
    it(`accumulates over batches, with sample weights: ${JSON.stringify(args)}`, async () => {
      await runMetricTest({ makeMetric: () => new FBetaScore(args), yTrue, yPred, expected: fBeta(args), weights, expectedWeighted: fBeta(args, weights) });
    });
  }

  it('F1Score is FBetaScore with beta 1, saved without beta and found by its Keras names', async () => {
    await runMetricTest({ makeMetric: () => new F1Score({ average: 'macro' }), yTrue, yPred, expected: fBeta({ average: 'macro' }), weights, expectedWeighted: fBeta({ average: 'macro' }, weights) });
    const f1 = new F1Score({ average: 'weighted', threshold: 0.4 });
    expect(serialize(f1)).toEqual({ class_name: 'F1Score', config: { name: 'f1_score', average: 'weighted', threshold: 0.4 } });
    for (const name of ['f1_score', 'F1Score']) expect(get(name)).toBeInstanceOf(F1Score);
    expect(get('fbeta_score')).toBeInstanceOf(FBetaScore);
    const loaded = get(serialize(new FBetaScore({ beta: 2, average: 'micro' }))) as FBetaScore;
    expect([loaded.beta, loaded.average, loaded.threshold]).toEqual([2, 'micro', null]);
    for (const metric of [f1, loaded]) metric.dispose();
  });

  it('refuses what Keras refuses, naming the argument', () => {
    expect(() => new FBetaScore({ average: 'samples' as never })).toThrow('Expected average to be null, "micro", "macro" or "weighted", received "samples" in metric "fbeta_score"');
    expect(() => new FBetaScore({ beta: 0 })).toThrow('Expected beta to be a finite number > 0, received 0 in metric "fbeta_score"');
    expect(() => new F1Score({ threshold: 0 })).toThrow('Expected threshold to be a number in (0, 1], received 0 in metric "f1_score"');
    expect(() => new F1Score({ beta: 2 } as never)).toThrow(TypeError);
    const metric = new F1Score();
    expect(() => tf.tidy(() => metric.updateState(tf.tensor1d([1, 0]), tf.tensor1d([0.2, 0.8])))).toThrow('Expected yTrue and yPred of shape [batch, classes], received [2] and [2] in metric "f1_score"');
    metric.dispose();
  });
});
