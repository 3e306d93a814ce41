import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { read } from '../testing/read';
import type { Loss } from './loss';
import { MeanSquaredError, meanSquaredError } from './mean-squared-error';
import { MeanAbsoluteError, meanAbsoluteError } from './mean-absolute-error';
import { MeanAbsolutePercentageError, meanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { MeanSquaredLogarithmicError, meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { Huber, huber } from './huber';
import { LogCosh, logCosh } from './log-cosh';
import { CategoricalHinge, Hinge, SquaredHinge, categoricalHinge, hinge, squaredHinge } from './hinge';
import { KLDivergence, kullbackLeiblerDivergence } from './kl-divergence';
import { Poisson, poisson } from './poisson';
import { CosineSimilarity, cosineSimilarity } from './cosine-similarity';
import { BinaryFocalCrossentropy, binaryFocalCrossentropy } from './binary-focal-crossentropy';
import { CategoricalFocalCrossentropy, categoricalFocalCrossentropy } from './categorical-focal-crossentropy';

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** [function, its Keras name (`fn.name`, the errors' owner), the class, the class's Keras default name, whether size-1 axes broadcast]. */
const LOSSES: Array<[LossFn, string, new () => Loss, string, boolean]> = [
  [meanSquaredError, 'mean_squared_error', MeanSquaredError, 'mean_squared_error', true],
  [meanAbsoluteError, 'mean_absolute_error', MeanAbsoluteError, 'mean_absolute_error', true],
  [meanAbsolutePercentageError, 'mean_absolute_percentage_error', MeanAbsolutePercentageError, 'mean_absolute_percentage_error', true],
  [meanSquaredLogarithmicError, 'mean_squared_logarithmic_error', MeanSquaredLogarithmicError, 'mean_squared_logarithmic_error', true],
  [huber, 'huber', Huber, 'huber_loss', true],
  [logCosh, 'log_cosh', LogCosh, 'log_cosh', true],
  [hinge, 'hinge', Hinge, 'hinge', true],
  [squaredHinge, 'squared_hinge', SquaredHinge, 'squared_hinge', true],
  [categoricalHinge, 'categorical_hinge', CategoricalHinge, 'categorical_hinge', false],
  [kullbackLeiblerDivergence, 'kl_divergence', KLDivergence, 'kl_divergence', false],
  [poisson, 'poisson', Poisson, 'poisson', true],
  [cosineSimilarity, 'cosine_similarity', CosineSimilarity, 'cosine_similarity', true],
  [binaryFocalCrossentropy, 'binary_focal_crossentropy', BinaryFocalCrossentropy, 'binary_focal_crossentropy', false],
  [categoricalFocalCrossentropy, 'categorical_focal_crossentropy', CategoricalFocalCrossentropy, 'categorical_focal_crossentropy', false],
];

describe('the losses’ Keras names and shape errors', () => {
  it.each(LOSSES.map((entry) => [entry[1], ...entry] as const))('%s: names itself and the shapes it cannot pair', (_, fn, name, Class, className, broadcasts) => {
    expect(fn.name).toBe(name);
    expect(new Class().name).toBe(className);
    tf.tidy(() => {
      expect(() => fn(tf.zeros([2, 3]), tf.zeros([2, 2]))).toThrow(
        new Error(`Expected yTrue and yPred to have compatible shapes, received [2, 3] and [2, 2] in loss "${name}"`),
      );
      expect(() => fn([1, 2] as never, tf.zeros([2, 2]))).toThrow(new Error(`Expected yTrue to be a tf.Tensor, received [1,2] in loss "${name}"`));
      // [2, 1] against [2, 3]: the regression losses broadcast (Keras's arithmetic); the
      // crossentropies and the distribution losses want one shape (Keras's backends check it).
      const pair = () => fn(tf.fill([2, 1], 0.5), tf.fill([2, 3], 0.5));
      if (broadcasts) expect(pair().shape).toEqual([2]);
      else expect(pair).toThrow(new Error(`Expected yTrue and yPred to have compatible shapes, received [2, 1] and [2, 3] in loss "${name}"`));
    });
  });

  it('refuses options in place of yTrue and misspelt options, naming the function and its class', () => {
    const [t, p] = [tf.zeros([1, 2]), tf.zeros([1, 2])];
    expect(() => huber({ delta: 2 } as never, p)).toThrow(
      new TypeError('Expected huber(yTrue, yPred, options?), received the options {"delta":2} in place of yTrue: pass them third, or make Huber with them (new Huber(options))'),
    );
    expect(() => huber(t, p, { delt: 2 } as never)).toThrow(new TypeError('Unknown option "delt" in huber: did you mean "delta"?'));
    expect(() => huber(t, p, { delta: 0 })).toThrow(new RangeError('Expected delta to be a finite number > 0, received 0 in loss "huber"'));
    expect(() => cosineSimilarity({ axis: 0 } as never, p)).toThrow(
      new TypeError('Expected cosineSimilarity(yTrue, yPred, options?), received the options {"axis":0} in place of yTrue: pass them third, or make CosineSimilarity with them (new CosineSimilarity(options))'),
    );
    expect(() => cosineSimilarity(t, p, { axes: 0 } as never)).toThrow(new TypeError('Unknown option "axes" in cosineSimilarity: did you mean "axis"?'));
    expect(() => binaryFocalCrossentropy({ gamma: 1 } as never, p)).toThrow(
      new TypeError('Expected binaryFocalCrossentropy(yTrue, yPred, options?), received the options {"gamma":1} in place of yTrue: pass them third, or make BinaryFocalCrossentropy with them (new BinaryFocalCrossentropy(options))'),
    );
    expect(() => categoricalFocalCrossentropy({ gamma: 1 } as never, p)).toThrow(
      new TypeError('Expected categoricalFocalCrossentropy(yTrue, yPred, options?), received the options {"gamma":1} in place of yTrue: pass them third, or make CategoricalFocalCrossentropy with them (new CategoricalFocalCrossentropy(options))'),
    );
    tf.dispose([t, p]);
  });
});

describeEachBackend('cosineSimilarity of short vectors', () => {
  it('normalizes by ‖x‖ down to ε, and divides by ε below it (Keras’s x · min(1/‖x‖, 1/ε))', () => {
    const eps = Math.fround(1e-7);
    // ‖(0.3, 0.4)‖ = 0.5 < 1: normalized to (0.6, 0.8). ‖(3e-8, 4e-8)‖ = 5e-8 < ε: divided by ε.
    const yTrue = tf.tensor2d([[0.3, 0.4], [3e-8, 4e-8]]);
    const yPred = tf.tensor2d([[1, 0], [0, 1]]);
    expectArraysClose(read(cosineSimilarity(yTrue, yPred)), [-0.6, -(Math.fround(4e-8) / eps)], 1e-5);
    tf.dispose([yTrue, yPred]);
  });

  it('takes the last axis by default on rank 3, as the function and as the loss object', () => {
    // [2, 2, 3]: −1 is axis 2; axis 1 (what +1 would be) gives another shape and other values.
    const a = [[[1, 0, 2], [0, 3, 4]], [[1, 1, 1], [2, 0, -1]]];
    const b = [[[2, 1, 0], [0, 1, 0]], [[1, 2, 3], [-2, 0, 1]]];
    const byHand = a.flatMap((block, i) => block.map((row, j) => {
      const other = b[i][j];
      const dot = row.reduce((total, x, k) => total + x * other[k], 0);
      return -dot / (Math.hypot(...row) * Math.hypot(...other));
    }));
    const [yTrue, yPred] = [tf.tensor3d(a), tf.tensor3d(b)];
    const values = cosineSimilarity(yTrue, yPred);
    expect(values.shape).toEqual([2, 2]);
    expectArraysClose(read(values), byHand, 1e-6);
    expectArraysClose(read(new CosineSimilarity({ reduction: 'none' }).apply(yTrue, yPred)), byHand, 1e-6);
    // The loss object keeps −1 as its axis and passes another one on.
    const loss = new CosineSimilarity();
    expect([loss.axis, loss.getConfig().axis]).toEqual([-1, -1]);
    const alongFirst = new CosineSimilarity({ axis: 0, reduction: 'none' }).apply(yTrue, yPred);
    expect(alongFirst.shape).toEqual([2, 3]);
    expectArraysClose(read(alongFirst), read(cosineSimilarity(yTrue, yPred, { axis: 0 })), 1e-6);
    tf.dispose([yTrue, yPred]);
  });
});

describeEachBackend('huber on rank 3', () => {
  it('averages the last axis', () => {
    // [2, 2, 2]; errors within and beyond delta 1: 0.5·e² or |e| − 0.5, averaged over the last axis.
    const errors = [[[0.5, 2], [-3, 0]], [[1, -0.2], [4, -1.5]]];
    const byHand = errors.flatMap((block) => block.map((row) => row.reduce((total, e) => total + (Math.abs(e) <= 1 ? 0.5 * e * e : Math.abs(e) - 0.5), 0) / row.length));
    const yPred = tf.tensor3d(errors);
    const yTrue = tf.zerosLike(yPred);
    const values = huber(yTrue, yPred);
    expect(values.shape).toEqual([2, 2]);
    expectArraysClose(read(values), byHand, 1e-6);
    tf.dispose([yTrue, yPred]);
  });
});
