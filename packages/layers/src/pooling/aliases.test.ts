import { expect, it } from 'vitest';
import * as pooling from './index';

it('offers Keras’s short names for the same classes and factories', () => {
  expect(pooling.MaxPool2D).toBe(pooling.MaxPooling2D);
  expect(pooling.AvgPool1D).toBe(pooling.AveragePooling1D);
  expect(pooling.GlobalAvgPool2D).toBe(pooling.GlobalAveragePooling2D);
  expect(pooling.maxPool2d({ poolSize: [2, 2] })).toBeInstanceOf(pooling.MaxPooling2D);
  expect(pooling.globalMaxPool1d()).toBeInstanceOf(pooling.GlobalMaxPooling1D);
});
