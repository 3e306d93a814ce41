import { expect, it } from 'vitest';
import { resolveAccuracy } from './resolve-accuracy';

it('resolveAccuracy knows the short loss names and checks its context’s keys', () => {
  expect(resolveAccuracy('bce', [4, 3], [4, 3])).toBe('binary');
  expect(resolveAccuracy({ lossName: 'scce', yTrueShape: [4, 3], yPredShape: [4, 3] })).toBe('sparse_categorical');
  // Labels of one column against scores without a class axis known: categorical, not sparse.
  expect(resolveAccuracy({ yTrueShape: [4, 1], yPredShape: [] })).toBe('categorical');
  expect(() => resolveAccuracy({ loss: 'mse' } as never)).toThrow('Unknown option "loss" in resolveAccuracy');
});
