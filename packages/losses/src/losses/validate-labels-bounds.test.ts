import { expect, it } from 'vitest';
import { validateLabels } from './validate-labels';

it('validateLabels: class labels from 0 up to numClasses − 1 pass, −1 does not unless ignored; options are checked', () => {
  expect(() => validateLabels([0, 2], 'y', { numClasses: 3 })).not.toThrow();
  expect(() => validateLabels([0, -1], 'y', { numClasses: 3 })).toThrow(new Error('Expected integer class labels in [0, 3) in y, received -1 at flat index 1'));
  expect(() => validateLabels([-1, 0], 'y', { numClasses: 3, ignoreClass: -1 })).not.toThrow();
  expect(() => validateLabels([0.5, 7], 'y')).not.toThrow(); // no numClasses: finite is enough
  expect(() => validateLabels([0], 'y', { classes: 3 } as never)).toThrow('Unknown option "classes" in validateLabels');
});
