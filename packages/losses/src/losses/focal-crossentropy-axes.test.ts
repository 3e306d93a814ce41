import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { clipProbability, sum } from '../testing/read';
import { BinaryFocalCrossentropy, binaryFocalCrossentropy } from './binary-focal-crossentropy';
import { CategoricalFocalCrossentropy, categoricalFocalCrossentropy } from './categorical-focal-crossentropy';

// [3, 2]: the classes down axis 0, so each column is one distribution.
const LABELS = [
  [0, 1],
  [1, 0],
  [0, 0],
];
const SCORES = [
  [0.2, 0.5],
  [0.5, 0.1],
  [0.3, 0.2],
];
const columns = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));

/** Keras's categorical focal term of one distribution (renormalized, clipped): −Σ α(1 − p)^γ y log p. */
function focalColumn(y: number[], p: number[], gamma: number, alpha: number): number {
  const total = sum(p);
  return sum(y.map((yc, c) => {
    const pc = clipProbability(p[c] / total);
    return -alpha * (1 - pc) ** gamma * yc * Math.log(pc);
  }));
}

describeEachBackend('the focal crossentropies along another axis', () => {
  it('categorical: renormalizes and sums along axis 0, from probabilities and from logits (softmax down the column)', () => {
    const [yTrue, yPred] = [tf.tensor2d(LABELS), tf.tensor2d(SCORES)];
    const [ys, ps] = [columns(LABELS), columns(SCORES)];
    const fromProbabilities = categoricalFocalCrossentropy(yTrue, yPred, { axis: 0 });
    expect(fromProbabilities.shape).toEqual([2]);
    expectArraysClose(fromProbabilities, ys.map((y, j) => focalColumn(y, ps[j], 2, 0.25)), 1e-6);
    const softmax = (x: number[]) => x.map((v) => Math.exp(v) / sum(x.map(Math.exp)));
    const fromLogits = categoricalFocalCrossentropy(yTrue, yPred, { axis: 0, fromLogits: true, gamma: 1, alpha: 0.5 });
    expectArraysClose(fromLogits, ys.map((y, j) => focalColumn(y, softmax(ps[j]), 1, 0.5)), 1e-6);
    // The class form passes its axis on.
    expectArraysClose(new CategoricalFocalCrossentropy({ axis: 0, reduction: 'none' }).apply(yTrue, yPred), ys.map((y, j) => focalColumn(y, ps[j], 2, 0.25)), 1e-6);
    tf.dispose([yTrue, yPred, fromProbabilities, fromLogits]);
  });

  it('binary: averages along axis 0', () => {
    const [yTrue, yPred] = [tf.tensor2d(LABELS), tf.tensor2d(SCORES)];
    const term = (z: number, p: number) => {
      const c = clipProbability(p);
      const pT = z * p + (1 - z) * (1 - p);
      return (1 - pT) ** 2 * -(z * Math.log(c) + (1 - z) * Math.log(1 - c));
    };
    const expected = columns(LABELS).map((y, j) => sum(y.map((z, i) => term(z, columns(SCORES)[j][i]))) / 3);
    const loss = binaryFocalCrossentropy(yTrue, yPred, { axis: 0 });
    expect(loss.shape).toEqual([2]);
    expectArraysClose(loss, expected, 1e-6);
    expectArraysClose(new BinaryFocalCrossentropy({ axis: 0, reduction: 'none' }).apply(yTrue, yPred), expected, 1e-6);
    tf.dispose([yTrue, yPred, loss]);
  });

  it('refuses an empty or non-finite alpha and out-of-range options, naming the loss', () => {
    const message = (received: string) =>
      new TypeError(`Expected alpha to be a finite number or an array of them (one per class), received ${received} in loss "categorical_focal_crossentropy"`);
    expect(() => new CategoricalFocalCrossentropy({ alpha: [] })).toThrow(message('[]'));
    expect(() => new CategoricalFocalCrossentropy({ alpha: [0.5, Number.NaN] })).toThrow(message('[0.5,NaN]'));
    expect(() => new CategoricalFocalCrossentropy({ alpha: Infinity })).toThrow(message('Infinity'));
    const p = tf.fill([1, 2], 0.5);
    expect(() => categoricalFocalCrossentropy(p, p, { alpha: [] })).toThrow(message('[]'));
    expect(() => categoricalFocalCrossentropy(p, p, { labelSmoothing: 2 })).toThrow(
      new RangeError('Expected labelSmoothing to be a number in [0, 1], received 2 in loss "categorical_focal_crossentropy"'),
    );
    expect(() => categoricalFocalCrossentropy(p, p, { gamma: -1 })).toThrow(new RangeError('Expected gamma to be a number in [0, Infinity], received -1 in loss "categorical_focal_crossentropy"'));
    expect(() => new CategoricalFocalCrossentropy({ gamma: -1 })).toThrow(new RangeError('Expected gamma to be a number in [0, Infinity], received -1 in loss "categorical_focal_crossentropy"'));
    expect(() => binaryFocalCrossentropy(p, p, { labelSmoothing: 2 })).toThrow(new RangeError('Expected labelSmoothing to be a number in [0, 1], received 2 in loss "binary_focal_crossentropy"'));
    expect(() => binaryFocalCrossentropy(p, p, { alpha: -0.5 })).toThrow(new RangeError('Expected alpha to be a number in [0, 1], received -0.5 in loss "binary_focal_crossentropy"'));
    expect(() => new BinaryFocalCrossentropy({ gamma: -1 })).toThrow(new RangeError('Expected gamma to be a number in [0, Infinity], received -1 in loss "binary_focal_crossentropy"'));
    expect(() => categoricalFocalCrossentropy(p, 'p' as never)).toThrow(new Error('Expected yPred to be a tf.Tensor, received "p" in loss "categorical_focal_crossentropy"'));
    p.dispose();
  });
});
