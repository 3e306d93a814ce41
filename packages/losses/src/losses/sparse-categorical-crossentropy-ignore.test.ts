import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { markSoftmaxOutput } from '@dendrite/backend/internal';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { clipProbability, softmax } from '../testing/read';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

const LOGITS = [
  [2, 0, -1],
  [0.5, 3, -2],
  [1, 1, 0],
  [-1, 0, 2],
];
const LABELS = [2, 1, 0, 1];
/** Keras's −log softmax(z)[label], in float64. */
const fromLogits = (z: number[], label: number) => Math.log(z.reduce((total, value) => total + Math.exp(value), 0)) - z[label];

describeEachBackend('sparseCategoricalCrossentropy with an ignored class inside [0, classes)', () => {
  it('gives 0 for the ignored label and the crossentropy elsewhere, from logits and from probabilities', () => {
    // Class 1 ignored: rows 1 and 3. Outside [0, classes) tfjs's oneHot gives 0 anyway; inside, only the mask does.
    const labels = tf.tensor1d(LABELS, 'int32');
    const logits = tf.tensor2d(LOGITS);
    const probabilities = tf.tensor2d(LOGITS.map(softmax));
    const expected = (f: (row: number) => number) => LABELS.map((label, row) => (label === 1 ? 0 : f(row)));
    expectArraysClose(sparseCategoricalCrossentropy(labels, logits, { fromLogits: true, ignoreClass: 1 }), expected((row) => fromLogits(LOGITS[row], LABELS[row])), 1e-5);
    expectArraysClose(
      sparseCategoricalCrossentropy(labels, probabilities, { ignoreClass: 1 }),
      expected((row) => -Math.log(clipProbability(softmax(LOGITS[row])[LABELS[row]]))),
      1e-5,
    );
    tf.dispose([labels, logits, probabilities]);
  });

  it('on a softmax output marked with its logits: the ignored entries still give 0 (no fused shortcut)', () => {
    const values = tf.tidy(() => {
      const z = tf.tensor2d(LOGITS);
      return sparseCategoricalCrossentropy(tf.tensor1d(LABELS, 'int32'), markSoftmaxOutput(tf.softmax(z), z), { ignoreClass: 1 });
    });
    expectArraysClose(values, LABELS.map((label, row) => (label === 1 ? 0 : fromLogits(LOGITS[row], LABELS[row]))), 1e-5);
    values.dispose();
  });

  it('fromLogits on a softmax output whose logits are gone: the values are taken as logits, as asked', () => {
    // Marked as a softmax output without logits (a top-level apply's output): no fused path, which would read them as probabilities.
    const values = tf.tidy(() => {
      const scores = markSoftmaxOutput(tf.tensor2d(LOGITS.map(softmax)));
      return sparseCategoricalCrossentropy(tf.tensor1d(LABELS, 'int32'), scores, { fromLogits: true });
    });
    expectArraysClose(values, LABELS.map((label, row) => fromLogits(softmax(LOGITS[row]), label)), 1e-5);
    values.dispose();
  });

  it('on a softmax output marked with live logits and no ignored class: the loss from the logits, unclipped (Keras)', () => {
    // −log softmax([0, 30, 0])[0] ≈ 30, where the clipped probability would give −log ε ≈ 16.118.
    const values = tf.tidy(() => {
      const z = tf.tensor2d([[0, 30, 0]]);
      return sparseCategoricalCrossentropy(tf.tensor1d([0], 'int32'), markSoftmaxOutput(tf.softmax(z), z));
    });
    expectArraysClose(values, [fromLogits([0, 30, 0], 0)], 1e-4);
    values.dispose();
  });

  it('names labels whose shape does not go with rank-3 predictions, and misplaced or misspelt options', () => {
    const scores = tf.fill([2, 4, 5], 0.2);
    expect(() => sparseCategoricalCrossentropy(tf.zeros([2, 3]), scores)).toThrow(
      new Error('Expected yTrue of shape [2, 4] or [2, 4, 1] (integer labels) to go with yPred of shape [2, 4, 5], received [2, 3] in loss "sparse_categorical_crossentropy"'),
    );
    expect(() => sparseCategoricalCrossentropy({ fromLogits: true } as never, scores)).toThrow(
      new TypeError(
        'Expected sparseCategoricalCrossentropy(yTrue, yPred, options?), received the options {"fromLogits":true} in place of yTrue: pass them third, or make SparseCategoricalCrossentropy with them (new SparseCategoricalCrossentropy(options))',
      ),
    );
    expect(() => sparseCategoricalCrossentropy(tf.zeros([2, 4]), scores, { ignore_class: 1 } as never)).toThrow(
      new TypeError('Unknown option "ignore_class" in sparseCategoricalCrossentropy: did you mean "ignoreClass"?'),
    );
    // A number that is no integer is out of range; anything else has the wrong type.
    expect(() => sparseCategoricalCrossentropy(tf.zeros([2, 4]), scores, { ignoreClass: 0.5 })).toThrow(RangeError);
    expect(() => sparseCategoricalCrossentropy(tf.zeros([2, 4]), scores, { ignoreClass: '1' as never })).toThrow(
      new TypeError('Expected ignoreClass to be an integer or null, received "1" in loss "sparse_categorical_crossentropy"'),
    );
    scores.dispose();
  });
});
