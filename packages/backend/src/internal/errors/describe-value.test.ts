import { describe, expect, it } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { tf } from '../../tf/index';
import { describeValue } from './describe-value';

describe('describeValue', () => {
  it('spells out the numbers JSON prints as null, at any depth', () => {
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(describeValue([0.5, Number.NaN])).toBe('[0.5,NaN]');
    expect(describeValue([[1, 2], [Number.POSITIVE_INFINITY, 0]])).toBe('[[1,2],[Infinity,0]]');
    expect(describeValue({ axis: Number.NaN, name: 'x' })).toBe('{"axis":NaN,"name":"x"}');
  });

  it('prints strings, booleans, null and lists as JSON', () => {
    expect(describeValue('same')).toBe('"same"');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([0, 2])).toBe('[0,2]');
    expect(describeValue([null, 'a'])).toBe('[null,"a"]');
  });

  it('names what JSON drops or cannot print, and never throws', () => {
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue([1, undefined])).toBe('[1,undefined]');
    expect(describeValue(function relu() {})).toBe('function relu');
    expect(describeValue(10n)).toBe('10n');
    class Tensor {
      shape = [2];
    }
    expect(describeValue(new Tensor())).toBe('an instance of Tensor');
    expect(describeValue(new Map())).toBe('an instance of Map');
    const cycle: unknown[] = [1];
    cycle.push(cycle);
    expect(describeValue(cycle)).toBe('[1,[circular]]');
    const shared = [1];
    expect(describeValue([shared, shared])).toBe('[[1],[1]]');
  });

  it('gives a tensor its dtype and shape', async () => {
    await useBackend('cpu');
    const x = tf.zeros([2, 3], 'int32');
    const y = tf.scalar(1);
    expect(describeValue(x)).toBe('an int32 tensor of shape [2,3]');
    expect(describeValue([y])).toBe('[a float32 tensor of shape []]');
    tf.dispose([x, y]);
  });
});
