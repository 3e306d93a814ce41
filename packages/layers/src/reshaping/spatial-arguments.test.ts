import { expect, it } from 'vitest';
import { borderedShape, normalizePair, normalizePairs2d } from './spatial-arguments';

it('normalizes 1-D and 2-D padding/cropping arguments', () => {
  expect(normalizePair(2, 'padding', 'p')).toEqual([2, 2]);
  expect(normalizePair([1, 3], 'padding', 'p')).toEqual([1, 3]);
  expect(normalizePairs2d([1, 2], 'cropping', 'c')).toEqual([[1, 1], [2, 2]]);
  expect(normalizePairs2d([[1, 0], [0, 2]], 'cropping', 'c')).toEqual([[1, 0], [0, 2]]);
});

it('adds or removes borders along the spatial axes, keeping unknown sizes unknown', () => {
  expect(borderedShape([null, 5, 3], [[1, 2]], 1)).toEqual([null, 8, 3]);
  expect(borderedShape([2, 6, null, 1], [[1, 1], [2, 0]], -1)).toEqual([2, 4, null, 1]);
  expect(borderedShape([2, 6, 4, 1], [[1, 1], [2, 2]], -1)).toBeNull();
});
