import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { makeVariable } from '@dendrite/optimizers/testing';
import { toGradientPairs } from './gradient-pairs';

const OWNER = 'optimizer "test"';

describeEachBackend('toGradientPairs', () => {
  it('matches gradients keyed by name with the variables given, not with other registered ones', () => {
    const listed = makeVariable([1]);
    const registered = makeVariable([2]);
    const g = tf.tensor1d([0.5]);
    // `registered` is a tf.Variable tfjs knows, but not one of the variables given.
    expect(() => toGradientPairs({ [registered.name]: g }, [listed], OWNER)).toThrow(
      new Error(`Expected gradient "${registered.name}" to name one in the variables [${listed.name}] in ${OWNER}, received no such variable`),
    );
    expect(toGradientPairs({ [registered.name]: g }, undefined, OWNER)).toEqual([[g, registered]]);
    tf.dispose([listed, registered, g]);
  });

  it('lists every variable given, comma-separated, when a name matches none', () => {
    const a = makeVariable([1]);
    const b = makeVariable([2]);
    const g = tf.tensor1d([0.5]);
    expect(() => toGradientPairs({ nowhere: g }, [a, b], OWNER)).toThrow(new Error(`Expected gradient "nowhere" to name one in the variables [${a.name}, ${b.name}] in ${OWNER}, received no such variable`));
    tf.dispose([a, b, g]);
  });

  it('names every variable, comma-separated, when all pairs are null', () => {
    const a = makeVariable([1]);
    const b = makeVariable([2]);
    expect(() => toGradientPairs([[null, a], [undefined, b]], undefined, OWNER)).toThrow(new Error(`Expected a gradient for at least one variable in ${OWNER}, received only null gradients for [${a.name}, ${b.name}]`));
    tf.dispose([a, b]);
  });

  it('skips a null gradient keyed by name, keeping the others', () => {
    const a = makeVariable([1]);
    const b = makeVariable([2]);
    const g = tf.tensor1d([0.5]);
    const gradients = { [a.name]: g, [b.name]: null } as unknown as Record<string, tf.Tensor>;
    expect(toGradientPairs(gradients, [a, b], OWNER)).toEqual([[g, a]]);
    tf.dispose([a, b, g]);
  });

  it('refuses a pair whose second member is not a tf.Variable, describing it', () => {
    const g = tf.tensor1d([0.5]);
    const notVariable = tf.tensor1d([1]);
    expect(() => toGradientPairs([[g, notVariable as tf.Variable]], undefined, OWNER)).toThrow(new Error(`Expected a tf.Variable with each gradient in ${OWNER}, received a float32 tensor of shape [1]`));
    tf.dispose([g, notVariable]);
  });
});
