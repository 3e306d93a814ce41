import { it } from 'vitest';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { drawStatistics } from './draw-statistics';
import { Ones } from './ones';

describeEachBackend('Ones', () => {
  it('fills with exact ones', () => expectArraysClose(drawStatistics(new Ones(), [3]).values, [1, 1, 1], 0));
});
