import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { softmaxLogits } from '@dendrite/backend/internal';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { dense } from '../core/dense';
import { resetUniqueNames } from './unique-names';

afterEach(() => resetUniqueNames());

/** A Dense softmax layer whose pre-activation is x·[[1, 2, 3], [0, 0, 0]]. */
function softmaxDense() {
  const layer = dense({ units: 3, activation: 'softmax' });
  layer.build([null, 2]);
  layer.setWeights([tf.tensor2d([[1, 2, 3], [0, 0, 0]]), tf.zeros([3])]);
  return layer;
}

describeEachBackend('apply keeps a softmax output\'s logits only inside an enclosing scope', () => {
  it('inside a tidy (a training step) the logits stay with the output, and go with the tidy', () => {
    const layer = softmaxDense();
    const x = tf.tensor2d([[1, 0]]);
    const before = tf.memory().numTensors;
    const logits = tf.tidy(() => {
      const output = layer.apply(x) as tf.Tensor;
      const kept = softmaxLogits(output);
      expect(kept).toBeDefined();
      return tf.clone(kept!);
    });
    expectArraysClose(logits, [1, 2, 3]);
    logits.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x]);
    layer.dispose();
  });

  it('in a user\'s own loop (tf.variableGrads, an optimizer\'s minimize) the logits stay for the loss, and go with it', () => {
    const layer = softmaxDense();
    const x = tf.tensor2d([[1, 0]]);
    const before = tf.memory().numTensors;
    const seen: number[][] = [];
    const loss = () => {
      const output = layer.apply(x) as tf.Tensor;
      seen.push(Array.from(softmaxLogits(output)?.dataSync() ?? []));
      return tf.sum(output) as tf.Scalar;
    };
    const { value, grads } = tf.variableGrads(loss);
    tf.dispose([value, ...Object.values(grads)]);
    const optimizer = tf.train.sgd(0);
    optimizer.minimize(loss);
    optimizer.dispose();
    expect(seen).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x]);
    layer.dispose();
  });

  it('at the top level the logits go with the layer\'s own scope: its output is all that stays', () => {
    const layer = softmaxDense();
    const x = tf.tensor2d([[1, 0]]);
    const before = tf.memory().numTensors;
    const output = layer.apply(x) as tf.Tensor;
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(softmaxLogits(output)).toBeUndefined();
    tf.dispose([output, x]);
    layer.dispose();
  });
});
