import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { insideTidy } from '@dendrite/backend/internal';

// The engine shape insideTidy reads. Should a tfjs-core upgrade change it, these fail first: then
// rewrite insideTidy (and keep the softmax logits tests of layers, losses and models green).
describe('tfjs-core\'s engine scopes, as insideTidy reads them', () => {
  it('the scope stack is empty at the top level and holds one entry per open scope', () => {
    const scopes = () => tf.engine().state.scopeStack;
    expect(Array.isArray(scopes())).toBe(true);
    expect(scopes()).toHaveLength(0);
    const depths = tf.tidy(() => [scopes().length, tf.tidy(() => scopes().length)]);
    expect(depths).toEqual([1, 2]);
    tf.engine().startScope();
    expect(scopes()).toHaveLength(1);
    tf.engine().endScope();
    expect(scopes()).toHaveLength(0);
  });

  it('is false at the top level, true inside tf.tidy and nested tidies', () => {
    expect(insideTidy()).toBe(false);
    expect(tf.tidy(() => [insideTidy(), tf.tidy(() => insideTidy())])).toEqual([true, true]);
    expect(insideTidy()).toBe(false);
  });

  it('is true where tfjs frees what a function makes: variableGrads, grad, an optimizer\'s minimize', () => {
    const w = tf.variable(tf.scalar(2));
    const seen: boolean[] = [];
    const square = (x: tf.Tensor) => {
      seen.push(insideTidy());
      return tf.square(x) as tf.Scalar;
    };
    const { value, grads } = tf.variableGrads(() => square(w), [w]);
    const dx = tf.grad(square)(tf.scalar(3));
    tf.train.sgd(0.1).minimize(() => square(w), false, [w]);
    expect(seen).toEqual([true, true, true]);
    tf.dispose([value, dx, w, ...Object.values(grads)]);
  });

  it('is false again after a tidy that throws', () => {
    expect(() =>
      tf.tidy(() => {
        throw new Error('step failed');
      }),
    ).toThrow('step failed');
    expect(insideTidy()).toBe(false);
  });
});
