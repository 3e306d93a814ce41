import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { AUC } from './auc';

/** ROC AUC by hand: the weighted share of (positive, negative) pairs ranked right, ties half. */
function pairwiseAuc(labels: number[], scores: number[], weights: number[] = labels.map(() => 1)): number {
  let right = 0;
  let total = 0;
  labels.forEach((positive, i) => {
    if (positive !== 1) return;
    labels.forEach((negative, j) => {
      if (negative !== 0) return;
      const pair = weights[i] * weights[j];
      total += pair;
      right += scores[i] > scores[j] ? pair : scores[i] === scores[j] ? pair / 2 : 0;
    });
  });
  return right / total;
}

/** One update and the result, read back. */
function aucOf(args: ConstructorParameters<typeof AUC>[0], labels: number[], scores: number[], weights?: number[]): number {
  const auc = new AUC(args);
  tf.tidy(() => auc.updateState(tf.tensor1d(labels), tf.tensor1d(scores), weights ? tf.tensor1d(weights) : undefined));
  const value = auc.resultValue();
  auc.dispose();
  return value;
}

describeEachBackend('AUC', () => {
  it('equals Keras’s docstring example with three thresholds, weighted or not', () => {
    expect(aucOf({ numThresholds: 3 }, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9])).toBeCloseTo(0.75, 6);
    expect(aucOf({ numThresholds: 3 }, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9], [1, 0, 0, 1])).toBeCloseTo(1, 6);
  });

  it('sums the same curve by lower or upper rectangles, and by Davis & Goadrich for PR', () => {
    // TPR [1, 0.5, 0] against FPR [1, 0, 0].
    expect(aucOf({ numThresholds: 3, summationMethod: 'minoring' }, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9])).toBeCloseTo(0.5, 6);
    expect(aucOf({ numThresholds: 3, summationMethod: 'majoring' }, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9])).toBeCloseTo(1, 6);
    // TP [2, 1, 0], predicted positive P [4, 1, 0], positives 2: slope·(ΔTP + intercept·ln(P_A/P_B)) / 2 per interval.
    const byHand = ((1 / 3) * (1 + (2 / 3) * Math.log(4))) / 2 + (1 * (1 + 0)) / 2;
    expect(aucOf({ numThresholds: 3, curve: 'PR' }, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9])).toBeCloseTo(byHand, 5);
    // Precision by threshold: [0.5, 1, 0]; recall [1, 0.5, 0]; minoring: min heights × recall steps.
    expect(aucOf({ numThresholds: 3, curve: 'pr', summationMethod: 'minoring' }, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9])).toBeCloseTo(0.5 * 0.5 + 0, 6);
  });

  it('streams ROC AUC over uneven batches to the pairwise AUC of the whole', async () => {
    const labels = [1, 0, 1, 1, 0, 0, 1, 0, 1];
    const scores = [0.92, 0.41, 0.63, 0.27, 0.55, 0.08, 0.77, 0.33, 0.49];
    const weights = [1, 2, 0, 1, 0.5, 1, 3, 1, 1];
    expect(pairwiseAuc(labels, scores)).toBeCloseTo(16 / 20, 10);
    await runMetricTest({
      makeMetric: () => new AUC(),
      yTrue: labels.map((y) => [y]),
      yPred: scores.map((s) => [s]),
      expected: pairwiseAuc(labels, scores),
      weights,
      expectedWeighted: pairwiseAuc(labels, scores, weights),
    });
    await runMetricTest({ makeMetric: () => new AUC({ curve: 'PR', numThresholds: 50, name: 'pr_auc' }), yTrue: [1, 1, 1, 1, 0, 0, 0, 0, 0].map((y) => [y]), yPred: [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1, 0].map((s) => [s]), expected: 1 });
  });

  it('takes logits with fromLogits, and leaks nothing per update', async () => {
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(aucOf({ numThresholds: 3, fromLogits: true }, [0, 0, 1, 1], [-30, 0, logit(0.3), logit(0.9)])).toBeCloseTo(0.75, 6);
    const auc = new AUC();
    const labels = tf.tensor1d([0, 1]);
    const scores = tf.tensor1d([0.3, 0.6]);
    auc.updateState(labels, scores);
    await expectNoLeakedTensors(() => auc.updateState(labels, scores));
    expect(await expectNoLeakedTensors(() => auc.resultValue())).toBeCloseTo(1, 6);
    tf.dispose([labels, scores]);
    auc.dispose();
  });

  it('names bad arguments and round-trips its config', () => {
    expect(() => new AUC({ numThresholds: 1 })).toThrow('Expected numThresholds to be an integer ≥ 2, received 1 in metric "auc"');
    expect(() => new AUC({ curve: 'XY' as never })).toThrow('Expected curve to be ROC or PR, received "XY" in metric "auc"');
    expect(() => new AUC({ summationMethod: 'riemann' as never })).toThrow('Expected summationMethod to be interpolation, minoring or majoring, received "riemann" in metric "auc"');
    const auc = AUC.fromConfig({ name: 'auc_pr', num_thresholds: 11, curve: 'PR', summation_method: 'interpolation', from_logits: false });
    expect(auc.thresholds.slice(0, 3)).toEqual([-1e-7, 0.1, 0.2]);
    expect(auc.getConfig()).toEqual({ name: 'auc_pr', num_thresholds: 11, curve: 'PR', summation_method: 'interpolation', from_logits: false });
    auc.dispose();
  });
});
