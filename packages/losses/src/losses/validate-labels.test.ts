import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { validateLabels } from './validate-labels';

describeEachBackend('validateLabels', () => {
  it('names NaN or infinite labels, on the host or in a tensor', () => {
    expect(() => validateLabels([0, 1, Number.NaN], 'loss "mse"')).toThrow('Expected finite labels in loss "mse", received NaN at flat index 2');
    expect(() => validateLabels(Float32Array.of(Infinity), 'y')).toThrow('Expected finite labels in y, received Infinity at flat index 0');
    const tensor = tf.tensor2d([[0, 1], [Number.NaN, 0]]);
    expect(() => validateLabels(tensor, 'y')).toThrow('received NaN at flat index 2');
    tensor.dispose();
    expect(() => validateLabels([0, 1], 'y')).not.toThrow();
  });

  it('checks integer class labels against the number of classes, allowing ignoreClass', () => {
    expect(() => validateLabels([0, 3], 'y', { numClasses: 3 })).toThrow('Expected integer class labels in [0, 3) in y, received 3 at flat index 1');
    expect(() => validateLabels([0.5], 'y', { numClasses: 3 })).toThrow('received 0.5 at flat index 0');
    expect(() => validateLabels([0, 2, 255], 'y', { numClasses: 3, ignoreClass: 255 })).not.toThrow();
  });
});
