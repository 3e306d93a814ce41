import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { MaxNorm, maxNorm } from './max-norm';
import { EPSILON } from './norms';

describeEachBackend('MaxNorm', () => {
  it('scales a column of norm 5 to norm 2, and leaves one of norm 1 (but for Keras’s epsilon)', async () => {
    // Columns (axis 0): [3, 4] has norm 5; [0.6, 0.8] has norm 1.
    const w = tf.tensor2d([[3, 0.6], [4, 0.8]]);
    await expectNoLeakedTensors(() => {
      const y = maxNorm({ maxValue: 2 }).call(w);
      expectArraysClose(y, [(3 * 2) / (5 + EPSILON), 0.6 / (1 + EPSILON), (4 * 2) / (5 + EPSILON), 0.8 / (1 + EPSILON)], 1e-6);
      const columnNorms = tf.tidy(() => tf.norm(y, 'euclidean', 0).dataSync());
      expectArraysClose(columnNorms, [2, 1], 1e-6);
      y.dispose();
    });
    w.dispose();
  });

  it('takes rows with axis 1 and a convolution filter with axes [0, 1, 2]', () => {
    const rows = tf.tidy(() => maxNorm({ maxValue: 1, axis: 1 }).call(tf.tensor2d([[3, 4], [0.3, 0.4]])).dataSync());
    expectArraysClose(rows, [0.6, 0.8, 0.3, 0.4], 1e-6);
    // Two filters of 2·2·1 entries: the first all 2s (norm 4), the second all 0.5s (norm 1).
    const kernel = tf.tidy(() => tf.stack([tf.fill([2, 2, 1], 2), tf.fill([2, 2, 1], 0.5)], 3));
    const filterNorms = tf.tidy(() => tf.sqrt(tf.sum(tf.square(maxNorm({ maxValue: 2, axis: [0, 1, 2] }).call(kernel)), [0, 1, 2])).dataSync());
    expectArraysClose(filterNorms, [2, 1], 1e-6);
    kernel.dispose();
  });

  it('names an axis outside the weight’s rank', () => {
    const w = tf.tensor2d([[1]]);
    expect(() => maxNorm({ axis: 2 }).call(w)).toThrow('Expected axis to be within [-2, 2), received 2 for a weight of rank 2 in constraint MaxNorm');
    w.dispose();
  });
});

it('defaults to Keras’s maxValue 2 and axis 0, round-trips its config and names bad arguments', () => {
  expect(new MaxNorm().getConfig()).toEqual({ max_value: 2, axis: 0 });
  const config = maxNorm({ maxValue: 3, axis: [0, 1, 2] }).getConfig();
  expect(MaxNorm.fromConfig(config).getConfig()).toEqual(config);
  expect(() => maxNorm({ maxValue: -1 })).toThrow('Expected maxValue to be a finite number ≥ 0, received -1 in constraint MaxNorm');
  expect(() => maxNorm({ axis: 0.5 })).toThrow('Expected axis to be an integer or a non-empty array of integers, received 0.5 in constraint MaxNorm');
});

describeEachBackend('maxNorm as Keras calls it', () => {
  it('reads a bare number as max_value: maxNorm(1) caps column norms at 1 (it meant the default 2 before)', () => {
    // Columns [3, 4] (norm 5) and [0.6, 0.8] (norm 1).
    const norms = tf.tidy(() => tf.norm(maxNorm(1).call(tf.tensor2d([[3, 0.6], [4, 0.8]])), 'euclidean', 0).dataSync());
    expectArraysClose(norms, [1, 1 / (1 + EPSILON)], 1e-6);
    expect(maxNorm(3, 1)).toMatchObject({ maxValue: 3, axis: 1 });
  });

  it('refuses unknown keys, a value given twice and a number where options go', () => {
    expect(() => maxNorm({ max_value: 1 } as never)).toThrow('Unknown option "max_value" in MaxNorm: did you mean "maxValue"?');
    expect(() => new MaxNorm({ maxvalue: 1 } as never)).toThrow(TypeError);
    expect(() => maxNorm(1, { maxValue: 2 } as never)).toThrow('Expected maxValue once for MaxNorm, received 1 as an argument and 2 as an option');
    expect(() => new MaxNorm(1 as never)).toThrow('Expected the options of MaxNorm to be an object, received 1');
  });

  it('drops keys of other versions when rebuilt from a file config', () => {
    expect(MaxNorm.fromConfig({ max_value: 1.5, axis: 0, name: 'max_norm' })).toMatchObject({ maxValue: 1.5, axis: 0 });
  });
});
