import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { resolveAccuracy } from './resolve-accuracy';

describeEachBackend('resolveAccuracy', () => {
  it('follows the loss first, in any spelling', () => {
    expect(resolveAccuracy({ lossName: 'binary_crossentropy', yTrueShape: [32, 10], yPredShape: [32, 10] })).toBe('binary');
    expect(resolveAccuracy({ lossName: 'BinaryCrossentropy' })).toBe('binary');
    expect(resolveAccuracy({ lossName: 'sparse_categorical_crossentropy' })).toBe('sparse_categorical');
    expect(resolveAccuracy('sparseCategoricalCrossentropy', [32, 1], [32, 10])).toBe('sparse_categorical');
  });

  it('then the shapes, as Keras’s is_binary_or_sparse_categorical', () => {
    expect(resolveAccuracy({ yTrueShape: [32, 1], yPredShape: [32, 1] })).toBe('binary');
    expect(resolveAccuracy({ lossName: 'mse', yTrueShape: [32], yPredShape: [32, 1] })).toBe('binary');
    expect(resolveAccuracy({ yTrueShape: [32], yPredShape: [32, 10] })).toBe('sparse_categorical');
    expect(resolveAccuracy({ yTrueShape: [32, 1], yPredShape: [32, 10] })).toBe('sparse_categorical');
    expect(resolveAccuracy({ lossName: 'categorical_crossentropy', yTrueShape: [32, 10], yPredShape: [32, 10] })).toBe('categorical');
    expect(resolveAccuracy('kl_divergence', [8, 3], [8, 3])).toBe('categorical');
    expect(resolveAccuracy()).toBe('categorical');
  });
});
