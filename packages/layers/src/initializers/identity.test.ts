import { expect, it } from 'vitest';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { drawStatistics } from './draw-statistics';
import { Identity } from './identity';

describeEachBackend('Identity', () => {
  it('is exactly gain · I, square or not', () => {
    expectArraysClose(drawStatistics(new Identity(), [2, 2]).values, [1, 0, 0, 1], 0);
    expectArraysClose(drawStatistics(new Identity({ gain: 2 }), [2, 3]).values, [2, 0, 0, 0, 2, 0], 0);
    expectArraysClose(drawStatistics(new Identity({ gain: -0.5 }), [3, 2]).values, [-0.5, 0, 0, -0.5, 0, 0], 0);
  });

  it('refuses a shape that is not 2-D and a non-finite gain', () => {
    expect(() => new Identity().call([2, 2, 2])).toThrow('Expected a 2-D shape in initializer Identity, received [2,2,2] of rank 3');
    expect(() => new Identity().call([4])).toThrow('Expected a 2-D shape in initializer Identity, received [4] of rank 1');
    expect(() => new Identity({ gain: Number.POSITIVE_INFINITY })).toThrow('Expected gain to be a finite number, received Infinity in initializer Identity');
  });
});
