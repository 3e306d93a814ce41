import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { gatherRows, toHost } from './image-array';

describe('toHost', () => {
  it('reads a tensor back once with a copy of its shape, and passes values with a shape through', () => {
    const tensor = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const host = toHost(tensor, 'x');
    expect(Array.from(host.values)).toEqual([1, 2, 3, 4]);
    expect(host.shape).toEqual([2, 2]);
    host.shape.push(9);
    expect(tensor.shape).toEqual([2, 2]);
    tensor.dispose();
    const given = { values: [1, 2, 3], shape: [3, 1] };
    expect(toHost(given, 'y')).toBe(given);
  });

  it('names the argument that is neither a tensor nor {values, shape}, or whose values do not fill its shape', () => {
    const message = (argument: string, received: string) => `Expected ${argument} to be a tensor or {values, shape}, received ${received}`;
    expect(() => toHost(null as never, 'x')).toThrow(new Error(message('x', 'null')));
    expect(() => toHost(undefined as never, 'y')).toThrow(new Error(message('y', 'undefined')));
    expect(() => toHost(5 as never, 'y')).toThrow(new Error(message('y', 'number')));
    expect(() => toHost({ shape: [1] } as never, 'x')).toThrow(new Error(message('x', 'object')));
    expect(() => toHost({ values: [1], shape: 1 } as never, 'sampleWeight')).toThrow(new Error(message('sampleWeight', 'object')));
    expect(() => toHost({ values: [1, 2, 3], shape: [2, 2] }, 'x')).toThrow(new Error('Expected 4 values for x of shape [2,2], received 3'));
  });
});

describe('gatherRows', () => {
  it('gathers rows in the order asked from typed and plain arrays, as float32 with the batch’s shape', () => {
    const shape = [3, 2, 2];
    const expected = { values: Float32Array.from([8, 9, 10, 11, 0, 1, 2, 3]), shape: [2, 2, 2] };
    expect(gatherRows({ values: Uint8Array.from({ length: 12 }, (_, i) => i), shape }, [2, 0])).toEqual(expected);
    expect(gatherRows({ values: Array.from({ length: 12 }, (_, i) => i), shape }, [2, 0])).toEqual(expected);
    expect(gatherRows({ values: [5, 6, 7], shape: [3] }, [1, 1])).toEqual({ values: Float32Array.from([6, 6]), shape: [2] });
  });
});
