import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { clipProbability, mean, read, sigmoid } from '../testing/read';
import { BinaryFocalCrossentropy, binaryFocalCrossentropy } from './binary-focal-crossentropy';
import { get } from './get-loss';

/** By hand: −(z·log p + (1 − z)·log(1 − p)) with p clipped, times (1 − p_t)^γ, times α or 1 − α when balancing. */
function focal(z: number, p: number, { gamma = 2, alpha = 0.25, balance = false } = {}): number {
  const c = clipProbability(p);
  const bce = -(z * Math.log(c) + (1 - z) * Math.log(1 - c));
  const pT = z * p + (1 - z) * (1 - p);
  return (1 - pT) ** gamma * bce * (balance ? z * alpha + (1 - z) * (1 - alpha) : 1);
}
const rows = (yTrue: number[][], yPred: number[][], f: (z: number, p: number) => number) => yTrue.map((row, i) => mean(row.map((z, j) => f(z, yPred[i][j]))));

describeEachBackend('binaryFocalCrossentropy', () => {
  const yTrue = [[0, 1], [0, 0], [1, 1], [1, 0]];
  const probabilities = [[0.6, 0.4], [0.4, 0.6], [0.9, 0.2], [1, 0]];

  it("equals Keras's docstring values and the hand-computed focal terms", async () => {
    const keras = tf.tidy(() => read(binaryFocalCrossentropy(tf.tensor2d(yTrue.slice(0, 2)), tf.tensor2d(probabilities.slice(0, 2)))));
    expectArraysClose(keras, [0.33, 0.206], 1e-3);
    await runLossTest({ makeLoss: (args) => new BinaryFocalCrossentropy(args), lossFunction: binaryFocalCrossentropy, yTrue, yPred: probabilities, expected: rows(yTrue, probabilities, (z, p) => focal(z, p)) });
  });

  it('balances classes with alpha, and with gamma 0 it is the binary crossentropy', async () => {
    const options = { applyClassBalancing: true, alpha: 0.4, gamma: 3 };
    await runLossTest({
      makeLoss: (args) => new BinaryFocalCrossentropy({ ...args, ...options }),
      lossFunction: (t, p) => binaryFocalCrossentropy(t, p, options),
      yTrue,
      yPred: probabilities,
      expected: rows(yTrue, probabilities, (z, p) => focal(z, p, { gamma: 3, alpha: 0.4, balance: true })),
    });
    const plain = tf.tidy(() => read(binaryFocalCrossentropy(tf.tensor2d(yTrue), tf.tensor2d(probabilities), { gamma: 0 })));
    expectArraysClose(plain, tf.tidy(() => read(get('binary_crossentropy').call(tf.tensor2d(yTrue), tf.tensor2d(probabilities)))), 1e-6);
  });

  it('from logits through a sigmoid, with label smoothing', async () => {
    const logits = [[2, -1], [0.5, -3], [4, 1], [-2, 0]];
    const smooth = (z: number) => z * 0.9 + 0.05;
    await runLossTest({
      makeLoss: (args) => new BinaryFocalCrossentropy({ ...args, fromLogits: true, labelSmoothing: 0.1 }),
      lossFunction: (t, p) => binaryFocalCrossentropy(t, p, { fromLogits: true, labelSmoothing: 0.1 }),
      yTrue,
      yPred: logits,
      expected: rows(yTrue, logits, (z, x) => focal(smooth(z), sigmoid(x))),
    });
  });

  it('saves its options in Keras 3 config keys and is found by every spelling', () => {
    const loss = new BinaryFocalCrossentropy({ applyClassBalancing: true, alpha: 0.3, gamma: 1 });
    expect(loss.getConfig()).toMatchObject({ name: 'binary_focal_crossentropy', apply_class_balancing: true, alpha: 0.3, gamma: 1, from_logits: false, label_smoothing: 0, axis: -1 });
    for (const name of ['binary_focal_crossentropy', 'binaryFocalCrossentropy', 'BinaryFocalCrossentropy']) expect(get(name)).toBeInstanceOf(BinaryFocalCrossentropy);
    expect(get({ class_name: 'BinaryFocalCrossentropy', config: loss.getConfig() })).toMatchObject({ alpha: 0.3, gamma: 1, applyClassBalancing: true });
  });

  it('refuses options it does not read and values out of range, naming them', () => {
    expect(() => new BinaryFocalCrossentropy({ apply_class_balancing: true } as never)).toThrow('did you mean "applyClassBalancing"?');
    expect(() => new BinaryFocalCrossentropy({ alpha: 1.5 })).toThrow('Expected alpha to be a number in [0, 1], received 1.5 in loss "binary_focal_crossentropy"');
    expect(() => tf.tidy(() => binaryFocalCrossentropy(tf.zeros([1, 1]), tf.zeros([1, 1]), { gamma: -1 }))).toThrow(/Expected gamma to be a number in \[0, Infinity\], received -1/);
  });
});
