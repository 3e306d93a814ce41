import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { alignShapes, alignWeights, checkTensor, looksSparse, squeezeOrExpand } from './shapes';

const shapes = (tensors: tf.Tensor[]) => tensors.map((tensor) => tensor.shape);

describeEachBackend('shape alignment', () => {
  it('squeezes or expands one trailing axis as Keras', () => {
    tf.tidy(() => {
      expect(shapes(squeezeOrExpand(tf.zeros([4, 1]), tf.zeros([4])))).toEqual([[4, 1], [4, 1]]);
      expect(shapes(squeezeOrExpand(tf.zeros([4]), tf.zeros([4, 1])))).toEqual([[4, 1], [4, 1]]);
      expect(shapes(squeezeOrExpand(tf.zeros([4, 3, 1]), tf.zeros([4, 3])))).toEqual([[4, 3], [4, 3]]);
      expect(shapes(squeezeOrExpand(tf.zeros([4, 3]), tf.zeros([4, 3, 1])))).toEqual([[4, 3], [4, 3]]);
      expect(shapes(squeezeOrExpand(tf.zeros([4]), tf.zeros([4, 3])))).toEqual([[4], [4, 3]]);
    });
  });

  it('casts to float32 and checks shapes, with or without broadcasting', async () => {
    await expectNoLeakedTensors(() =>
      tf.tidy(() => {
        const [t, p] = alignShapes(tf.tensor1d([1, 2], 'int32'), tf.tensor2d([[1], [2]]), 'loss "l"');
        expect([t.dtype, t.shape, p.shape]).toEqual(['float32', [2, 1], [2, 1]]);
        expect(alignShapes(tf.zeros([2, 1]), tf.zeros([2, 3]), 'loss "l"')[0].shape).toEqual([2, 1]);
      }),
    );
    tf.tidy(() => {
      expect(() => alignShapes(tf.zeros([2, 1]), tf.zeros([2, 3]), 'loss "l"', { broadcast: false })).toThrow(
        'Expected yTrue and yPred to have compatible shapes, received [2, 1] and [2, 3] in loss "l"',
      );
      expect(() => alignShapes(tf.zeros([2]), tf.zeros([2, 3]), 'loss "l"', { hint: 'try this' })).toThrow('received [2] and [2, 3] in loss "l" (try this)');
      expect(looksSparse(tf.zeros([2]), tf.zeros([2, 3]))).toBe(true);
      expect(looksSparse(tf.zeros([2, 1]), tf.zeros([2, 3]))).toBe(true);
      expect(looksSparse(tf.zeros([2, 3]), tf.zeros([2, 3]))).toBe(false);
    });
  });

  it('names what is not a live tensor', () => {
    expect(() => checkTensor([[1]], 'yTrue', 'loss "l"')).toThrow('Expected yTrue to be a tf.Tensor, received [[1]] in loss "l"');
    expect(() => checkTensor(undefined, 'yPred', 'metric "m"')).toThrow('Expected yPred to be a tf.Tensor, received undefined in metric "m"');
    const disposed = tf.zeros([1]);
    disposed.dispose();
    expect(() => checkTensor(disposed, 'sampleWeight', 'loss "l"')).toThrow('Expected sampleWeight to be a live tf.Tensor, received a disposed one in loss "l"');
  });

  it('brings sample weights to the rank of the values', () => {
    tf.tidy(() => {
      expect(alignWeights(tf.ones([3]), tf.zeros([3, 5]), 'loss "l"').shape).toEqual([3, 1]);
      expect(alignWeights(tf.ones([3, 1]), tf.zeros([3]), 'loss "l"').shape).toEqual([3]);
      expect(alignWeights(tf.ones([3, 5], 'int32'), tf.zeros([3, 5]), 'loss "l"').dtype).toBe('float32');
      expect(alignWeights(tf.ones([3]), tf.scalar(1), 'loss "l"').shape).toEqual([3]);
      expect(() => alignWeights(tf.ones([4]), tf.zeros([3]), 'loss "mse"')).toThrow(
        'Expected sampleWeight of shape [3] (one per sample) or broadcastable to [3], received [4] in loss "mse"',
      );
      expect(() => alignWeights(tf.ones([3, 2]), tf.zeros([3]), 'loss "mse"')).toThrow('received [3, 2] in loss "mse"');
    });
  });
});
