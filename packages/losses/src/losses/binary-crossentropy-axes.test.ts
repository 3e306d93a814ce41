import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { binaryCrossentropy } from './binary-crossentropy';

/** Keras's binary crossentropy of one entry from a probability (clipped to [ε, 1 − ε]). */
function bce(z: number, p: number): number {
  const clipped = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  return -(z * Math.log(clipped) + (1 - z) * Math.log(1 - clipped));
}

describeEachBackend('binaryCrossentropy on rank 3', () => {
  it('averages the last axis by default', () => {
    // [2, 3, 2]: averaging axis 1 instead would give [2, 2].
    const labels = [
      [[1, 0], [0, 0], [1, 1]],
      [[0, 1], [1, 0], [0, 0]],
    ];
    const probabilities = [
      [[0.9, 0.2], [0.3, 0.1], [0.6, 0.8]],
      [[0.4, 0.7], [0.5, 0.5], [0.2, 0.05]],
    ];
    const [yTrue, yPred] = [tf.tensor3d(labels), tf.tensor3d(probabilities)];
    const loss = binaryCrossentropy(yTrue, yPred);
    expect(loss.shape).toEqual([2, 3]);
    const expected = labels.flatMap((block, i) => block.map((row, j) => (bce(row[0], probabilities[i][j][0]) + bce(row[1], probabilities[i][j][1])) / 2));
    expectArraysClose(loss, expected, 1e-5);
    tf.dispose([yTrue, yPred, loss]);
  });
});

describeEachBackend('binaryCrossentropy argument names', () => {
  it('names labelSmoothing, and the class to make for options given first', () => {
    expect(binaryCrossentropy.name).toBe('binary_crossentropy'); // Keras's name, as metrics and logs show it
    const half = tf.fill([2, 1], 0.5);
    expect(() => binaryCrossentropy(half, half, { labelSmoothing: 2 })).toThrow('Expected labelSmoothing to be a number in [0, 1], received 2 in loss "binary_crossentropy"');
    expect(() => binaryCrossentropy({ fromLogits: true } as never, half)).toThrow(
      'Expected binaryCrossentropy(yTrue, yPred, options?), received the options {"fromLogits":true} in place of yTrue: pass them third, or make BinaryCrossentropy with them (new BinaryCrossentropy(options))',
    );
    half.dispose();
  });
});
