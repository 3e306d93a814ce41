import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { clipProbability, read, sum } from '../testing/read';
import { CategoricalFocalCrossentropy, categoricalFocalCrossentropy } from './categorical-focal-crossentropy';
import { get } from './get-loss';

/** By hand: −Σ α_c·(1 − p_c)^γ·y_c·log p_c, each row renormalized and clipped first. */
function focalRow(y: number[], p: number[], { gamma = 2, alpha = [0.25, 0.25, 0.25] as number[] } = {}): number {
  const total = sum(p);
  return sum(y.map((yc, c) => {
    const pc = clipProbability(p[c] / total);
    return -alpha[c] * (1 - pc) ** gamma * yc * Math.log(pc);
  }));
}
const softmax = (row: number[]) => { const e = row.map(Math.exp); return e.map((v) => v / sum(e)); };

describeEachBackend('categoricalFocalCrossentropy', () => {
  const yTrue = [[0, 1, 0], [0, 0, 1], [1, 0, 0]];
  const probabilities = [[0.05, 0.9, 0.05], [0.1, 0.85, 0.05], [0.5, 0.2, 0.5]];

  it("equals Keras's docstring values and the hand-computed focal terms (rows renormalized)", async () => {
    expectArraysClose(tf.tidy(() => read(categoricalFocalCrossentropy(tf.tensor2d(yTrue.slice(0, 2)), tf.tensor2d(probabilities.slice(0, 2))))), [2.634e-4, 0.675912], 1e-5);
    await runLossTest({ makeLoss: (args) => new CategoricalFocalCrossentropy(args), lossFunction: categoricalFocalCrossentropy, yTrue, yPred: probabilities, expected: yTrue.map((y, i) => focalRow(y, probabilities[i])) });
  });

  it('weighs classes by an alpha per class, from logits through a softmax, with label smoothing', async () => {
    const alpha = [0.5, 0.25, 1];
    const logits = [[1, 2, 0], [0.5, -1, 2], [3, 0, -2]];
    const smooth = (y: number[]) => y.map((v) => v * 0.7 + 0.1);
    await runLossTest({
      makeLoss: (args) => new CategoricalFocalCrossentropy({ ...args, alpha, gamma: 1, fromLogits: true, labelSmoothing: 0.3 }),
      lossFunction: (t, p) => categoricalFocalCrossentropy(t, p, { alpha, gamma: 1, fromLogits: true, labelSmoothing: 0.3 }),
      yTrue,
      yPred: logits,
      expected: yTrue.map((y, i) => focalRow(smooth(y), softmax(logits[i]), { gamma: 1, alpha })),
    });
  });

  it('saves alpha and gamma in its Keras config and is found by every spelling', () => {
    const loss = new CategoricalFocalCrossentropy({ alpha: [0.1, 0.2], gamma: 3 });
    expect(loss.getConfig()).toMatchObject({ name: 'categorical_focal_crossentropy', alpha: [0.1, 0.2], gamma: 3, from_logits: false, label_smoothing: 0, axis: -1 });
    for (const name of ['categorical_focal_crossentropy', 'categoricalFocalCrossentropy', 'CategoricalFocalCrossentropy']) expect(get(name)).toBeInstanceOf(CategoricalFocalCrossentropy);
    expect(get({ class_name: 'CategoricalFocalCrossentropy', config: loss.getConfig() })).toMatchObject({ alpha: [0.1, 0.2], gamma: 3 });
  });

  it('refuses an alpha that is not numbers and unknown options, naming them', () => {
    expect(() => new CategoricalFocalCrossentropy({ alpha: 'balanced' as never })).toThrow(new TypeError('Expected alpha to be a finite number or an array of them (one per class), received "balanced" in loss "categorical_focal_crossentropy"'));
    expect(() => tf.tidy(() => categoricalFocalCrossentropy(tf.zeros([1, 2]), tf.zeros([1, 2]), { gama: 2 } as never))).toThrow('did you mean "gamma"?');
  });
});
