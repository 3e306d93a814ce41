import { expect, it } from 'vitest';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { drawStatistics } from './draw-statistics';
import { Zeros } from './zeros';

describeEachBackend('Zeros', () => {
  it('fills with exact zeros, in the dtype asked for', () => {
    expectArraysClose(drawStatistics(new Zeros(), [2, 3]).values, [0, 0, 0, 0, 0, 0], 0);
    const ints = new Zeros().call([2], 'int32');
    expect(ints.dtype).toBe('int32');
    ints.dispose();
  });

  it('names a bad shape', () => {
    expect(() => new Zeros().call([2, -1])).toThrow('Expected shape to be an array of non-negative integers, received [2,-1] in initializer Zeros');
  });
});
