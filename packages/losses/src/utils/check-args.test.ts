import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { checkInRange, checkInteger, checkPositive, describeValue } from './check-args';

describeEachBackend('argument checks', () => {
  it('pass valid values through and name invalid ones, expected vs received', () => {
    expect(checkInRange(0, 'labelSmoothing', 'loss "x"', 0, 1)).toBe(0);
    expect(checkInRange(1, 'labelSmoothing', 'loss "x"', 0, 1)).toBe(1);
    expect(() => checkInRange(1, 'threshold', 'metric "m"', 0, 1, true)).toThrow('Expected threshold to be a number in (0, 1), received 1 in metric "m"');
    expect(() => checkInRange('0.5', 'labelSmoothing', 'loss "x"', 0, 1)).toThrow('received "0.5" in loss "x"');
    expect(checkPositive(0.5, 'delta', 'loss "h"')).toBe(0.5);
    expect(() => checkPositive(Number.POSITIVE_INFINITY, 'delta', 'loss "h"')).toThrow('Expected delta to be a finite number > 0, received Infinity in loss "h"');
    expect(checkInteger(3, 'k', 'metric "t"', 1)).toBe(3);
    expect(() => checkInteger(2.5, 'k', 'metric "t"', 1)).toThrow('Expected k to be an integer ≥ 1, received 2.5 in metric "t"');
  });

  it('describes what was received', () => {
    const tensor = tf.zeros([2, 3]);
    expect(describeValue(tensor)).toBe('a float32 tensor of shape [2,3]');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue([0.2, Number.NaN])).toBe('[0.2,NaN]');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(function named() {})).toBe('function named');
    tensor.dispose();
  });
});
