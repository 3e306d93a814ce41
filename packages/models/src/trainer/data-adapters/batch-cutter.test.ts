import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors, useBackend } from '@dendrite/test-utils';
import { cutBatch } from './batch-cutter';
import { stringRows, tensorRows, toHostArray } from './host-array';

describeEachBackend('cutBatch', () => {
  it('cuts scattered rows of the caller’s tensor from its memory on wasm, with tf.gather elsewhere', async () => {
    const x = tf.tensor2d([[0, 1], [2, 3], [4, 5], [6, 7]]);
    const source = toHostArray(x, 'x');
    await expectNoLeakedTensors(async () => {
      const profile = await tf.profile(() => cutBatch(source, Int32Array.from([9, 3, 0, 2, 9]), 1, 4));
      const batch = profile.result as tf.Tensor;
      expect(batch.shape).toEqual([3, 2]);
      expect(Array.from(batch.dataSync())).toEqual([6, 7, 0, 1, 4, 5]);
      expect(profile.kernelNames.includes('GatherV2')).toBe(tf.getBackend() !== 'wasm');
      batch.dispose();
    });
    x.dispose();
  });

  it('gathers the rows of a tensor that another backend holds', async () => {
    const active = tf.getBackend() as 'cpu' | 'wasm';
    await useBackend(active === 'wasm' ? 'cpu' : 'wasm');
    const x = tf.tensor2d([[0, 1], [2, 3], [4, 5]]);
    await useBackend(active);
    const batch = cutBatch(toHostArray(x, 'x'), Int32Array.from([2, 0]), 0, 2);
    expect(Array.from(batch.dataSync())).toEqual([4, 5, 0, 1]);
    tf.dispose([batch, x]);
  });

  it('starts at the rows’ first row of the tensor (a validation split’s part), and casts to the rows’ dtype', async () => {
    const x = tf.tensor2d([[0, 1], [2, 3], [4, 5], [6, 7]]);
    const flags = tf.tensor2d([[true], [false], [true], [true]], [4, 1], 'bool');
    await expectNoLeakedTensors(() => {
      const tail = cutBatch(tensorRows(x, [2, 2], 'float32', 2), Int32Array.from([1, 0]), 0, 2);
      expect(Array.from(tail.dataSync())).toEqual([6, 7, 4, 5]);
      const asNumbers = cutBatch(toHostArray(flags, 'y'), Int32Array.from([1, 2]), 0, 2);
      expect(asNumbers.dtype).toBe('float32');
      expect(Array.from(asNumbers.dataSync())).toEqual([0, 1]);
      const labels = tf.tensor1d([3, 1, 2], 'int32');
      const ints = cutBatch(toHostArray(labels, 'y'), Int32Array.from([2, 0]), 0, 2);
      expect(ints.dtype).toBe('int32');
      expect(Array.from(ints.dataSync())).toEqual([2, 3]);
      tf.dispose([tail, asNumbers, labels, ints]);
    });
    tf.dispose([x, flags]);
  });

  it('cuts rows of strings, each row whole, as a string tensor', () => {
    const source = stringRows(['a', 'b', 'c', 'd', 'e', 'f'], [3, 2]);
    const batch = cutBatch(source, Int32Array.from([2, 0, 1]), 0, 2);
    expect(batch.dtype).toBe('string');
    expect(batch.shape).toEqual([2, 2]);
    expect(batch.dataSync()).toEqual(['e', 'f', 'a', 'b']);
    batch.dispose();
  });
});
