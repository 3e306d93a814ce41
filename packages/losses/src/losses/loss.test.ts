import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { read } from '../testing/read';
import { type LossArgs, Loss, LossFunctionWrapper } from './loss';

/** A custom loss as a user writes one: only `call`. */
class MeanCubicError extends Loss {
  static override className = 'MeanCubicError';
  constructor(args: LossArgs = {}) {
    super(args, 'mean_cubic_error');
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.mean(tf.abs(tf.pow(tf.sub(yTrue, yPred), 3)), -1);
  }
}

describeEachBackend('Loss', () => {
  it('reduces a subclass’s per-sample values, leaving only the result', async () => {
    const yTrue = tf.tensor2d([[1, 2], [0, 0]]);
    const yPred = tf.tensor2d([[2, 2], [2, 0]]);
    const value = await expectNoLeakedTensors(() => read(new MeanCubicError().apply(yTrue, yPred)));
    expect(value).toEqual([(0.5 + 4) / 2]);
    expect(read(new MeanCubicError({ reduction: 'none' }).apply(yTrue, yPred))).toEqual([0.5, 4]);
    tf.dispose([yTrue, yPred]);
  });

  it('round-trips its config in snake_case and names unknown keys', () => {
    const loss = MeanCubicError.fromConfig({ name: 'cubes', reduction: 'sum', dtype: 'float32' });
    expect([loss.name, loss.reduction, loss.className]).toEqual(['cubes', 'sum', 'MeanCubicError']);
    expect(loss.getConfig()).toEqual({ name: 'cubes', reduction: 'sum' });
    expect(MeanCubicError.fromConfig({ reduction: null }).reduction).toBe('none');
    expect(() => MeanCubicError.fromConfig({ from_logits: true })).toThrow(
      'Expected config keys of loss MeanCubicError among [name, reduction], received unknown [from_logits]',
    );
    expect(() => new MeanCubicError({ reduction: 'avg' as never })).toThrow(/received "avg" in loss "mean_cubic_error"/);
  });

  it('wraps a function, named after it', () => {
    const wrapper = new LossFunctionWrapper(function absoluteSum(t: tf.Tensor, p: tf.Tensor) {
      return tf.sum(tf.abs(tf.sub(t, p)), -1);
    });
    expect(wrapper.name).toBe('absoluteSum');
    expect(new LossFunctionWrapper((t: tf.Tensor) => t).name).toBe('custom_loss');
    expect(new LossFunctionWrapper((t: tf.Tensor) => t, { name: 'mine' }).name).toBe('mine');
    expect(() => new LossFunctionWrapper(3 as never)).toThrow('Expected fn to be a function (yTrue, yPred) => tf.Tensor, received number in loss "custom_loss"');
    expect(read(wrapper.apply(tf.tensor2d([[1, -1]]), tf.tensor2d([[0, 0]])))).toEqual([2]);
  });
});
