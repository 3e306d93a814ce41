import { expect, it } from 'vitest';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { Constant } from './constant';
import { drawStatistics } from './draw-statistics';

describeEachBackend('Constant', () => {
  it('fills with exactly its value (0 by default)', () => {
    expectArraysClose(drawStatistics(new Constant({ value: 3.5 }), [2, 2]).values, [3.5, 3.5, 3.5, 3.5], 0);
    expectArraysClose(drawStatistics(new Constant(), [2]).values, [0, 0], 0);
  });

  it('round-trips its config and names a bad value', () => {
    expect(Constant.fromConfig(new Constant({ value: -2 }).getConfig()).value).toBe(-2);
    expect(() => new Constant({ value: Number.NaN })).toThrow('Expected value to be a finite number, received NaN in initializer Constant');
  });
});
