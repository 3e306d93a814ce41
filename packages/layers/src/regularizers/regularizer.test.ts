import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { getRegularizer, l1, l1l2, l2, serializeRegularizer } from './regularizer';

describeEachBackend('regularizers', () => {
  it('l1, l2 and l1_l2 equal their penalties', () => {
    const w = tf.tensor2d([[1, -2], [3, -4]]);
    const values = [l1(0.1), l2(0.01), l1l2({ l1: 0.1, l2: 0.01 }), getRegularizer('l1_l2')].map((r) => tf.tidy(() => r.call(w).dataSync()[0]));
    expectArraysClose(values, [0.1 * 10, 0.01 * 30, 1 + 0.3, 0.01 * 10 + 0.01 * 30]);
    w.dispose();
  });
});

it('round-trips configs and rejects negative factors', () => {
  expect(serializeRegularizer(getRegularizer('l2'))).toEqual({ class_name: 'L2', config: { l2: 0.01 } });
  expect(serializeRegularizer(getRegularizer({ class_name: 'L1L2', config: { l1: 0.5, l2: 0 } }))).toEqual({ class_name: 'L1L2', config: { l1: 0.5, l2: 0 } });
  expect(() => l2(-1)).toThrow('Expected l2 to be a finite number ≥ 0, received -1 in regularizer L2');
  expect(() => getRegularizer('l3')).toThrow(/Unknown regularizer "l3"/);
});
