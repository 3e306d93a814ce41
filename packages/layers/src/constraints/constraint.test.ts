import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { getConstraint, maxNorm, minMaxNorm, nonNeg, serializeConstraint, unitNorm } from './constraint';

describeEachBackend('constraints', () => {
  it('each projects as Keras does', () => {
    // Columns (axis 0 norms): [3, 4] has norm 5; [0.6, 0.8] has norm 1.
    const w = tf.tensor2d([[3, 0.6], [4, 0.8]]);
    const eps = 1e-7;
    const results = [maxNorm({ maxValue: 2 }), unitNorm(), minMaxNorm({ minValue: 2, maxValue: 3, rate: 0.5 }), nonNeg()].map((c) => tf.tidy(() => Array.from(c.call(w).dataSync())));
    expectArraysClose(results[0], [3 * 2 / (5 + eps), 0.6, 4 * 2 / (5 + eps), 0.8]);
    expectArraysClose(results[1], [0.6, 0.6, 0.8, 0.8]);
    // rate 0.5: column 1 → (0.5·3 + 0.5·5)/5 = 0.8 of itself; column 2 → (0.5·2 + 0.5·1)/1 = 1.5.
    expectArraysClose(results[2], [2.4, 0.9, 3.2, 1.2]);
    const negative = tf.tensor1d([-1, 2, -0.5]);
    expectArraysClose(tf.tidy(() => nonNeg().call(negative)), [0, 2, 0]);
    tf.dispose([w, negative]);
  });
});

it('round-trips configs and names bad arguments', () => {
  expect(serializeConstraint(getConstraint('max_norm'))).toEqual({ class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } });
  expect(getConstraint({ class_name: 'MinMaxNorm', config: { min_value: 1, max_value: 2, rate: 1, axis: 0 } }).getConfig()).toEqual({ min_value: 1, max_value: 2, rate: 1, axis: 0 });
  expect(() => minMaxNorm({ minValue: 3, maxValue: 1 })).toThrow('Expected minValue ≤ maxValue in constraint MinMaxNorm, received 3 and 1');
});
