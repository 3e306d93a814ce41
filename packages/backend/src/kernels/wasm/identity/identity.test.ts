import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectNoLeakedTensors, useBackend } from '@dendrite/test-utils';

describe('wasm Identity', () => {
  it('shares the input’s memory, and each tensor lives until its own dispose', async () => {
    await useBackend('wasm');
    await expectNoLeakedTensors(() => {
      const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
      const copy = tf.engine().runKernel('Identity', { x }) as tf.Tensor;
      expect(copy.dataId).toBe(x.dataId);
      x.dispose();
      expect([...copy.dataSync()]).toEqual([1, 2, 3, 4]);
      copy.dispose();
      const words = tf.tensor1d(['a', 'b'], 'string');
      const wordsCopy = tf.engine().runKernel('Identity', { x: words }) as tf.Tensor;
      expect(wordsCopy.arraySync()).toEqual(['a', 'b']);
      tf.dispose([words, wordsCopy]);
    });
  });

  it('keeps a variable’s saved value while the variable is assigned', async () => {
    await useBackend('wasm');
    await expectNoLeakedTensors(() => {
      const [initial, next] = [tf.tensor1d([1, 2]), tf.tensor1d([5, 6])];
      const variable = tf.variable(initial);
      const saved = tf.clone(variable);
      variable.assign(next);
      expect([...saved.dataSync()]).toEqual([1, 2]);
      expect([...variable.dataSync()]).toEqual([5, 6]);
      tf.dispose([saved, variable, initial, next]);
    });
  });
});
