import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, seededArray } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { lstm } from './lstm';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

describeEachBackend('RNN call arguments', () => {
  it('refuses too few initial states, listing the shape of each it expects', () => {
    const layer = lstm({ units: 2, name: 'l' });
    const x = tf.zeros([3, 4, 5]);
    const h = tf.zeros([3, 2]);
    expect(() => layer.apply(x, { initialState: [h] })).toThrow(new Error('Expected initialState of shapes [3, 2], [3, 2] in layer "l", received [3, 2]'));
    expect(() => layer.apply(x, { initialState: [h, h, h] })).toThrow(new Error('Expected initialState of shapes [3, 2], [3, 2] in layer "l", received [3, 2], [3, 2], [3, 2]'));
    // One state of the right shape does not make up for the other.
    const wide = tf.zeros([3, 5]);
    expect(() => layer.apply(x, { initialState: [h, wide] })).toThrow(new Error('Expected initialState of shapes [3, 2], [3, 2] in layer "l", received [3, 2], [3, 5]'));
    tf.dispose([x, h, wide]);
    layer.dispose();
  });

  it('takes one initial state as a tensor as well as in a list', () => {
    const layer = simpleRNN({ units: 2 });
    const x = tf.tensor3d(seededArray(2 * 3 * 4, 81), [2, 3, 4]);
    const state = tf.tensor2d([[0.5, -0.5], [1, 2]]);
    const listed = layer.apply(x, { initialState: [state] });
    const bare = layer.apply(x, { initialState: state });
    const zero = layer.apply(x);
    expectArraysClose(bare, listed, 0);
    // The state matters: from zeros the output differs.
    expect(Math.max(...Array.from(tf.abs(tf.sub(zero, listed)).dataSync()))).toBeGreaterThan(1e-3);
    tf.dispose([x, state, listed, bare, zero]);
    layer.dispose();
  });

  it('reads the first mask of a list of masks as the sequence mask', () => {
    const layer = simpleRNN({ units: 2 });
    const x = tf.tensor3d(seededArray(1 * 3 * 2, 82), [1, 3, 2]);
    const mask = tf.tensor2d([[1, 1, 0]], [1, 3], 'bool');
    const single = layer.apply(x, { mask });
    const listed = layer.apply(x, { mask: [mask] });
    const unmasked = layer.apply(x);
    // The last step is masked: the output is the second step's, as over the first two steps alone.
    const firstTwo = tf.slice(x, [0, 0, 0], [1, 2, 2]);
    const twoSteps = layer.apply(firstTwo);
    expectArraysClose(single, twoSteps, 1e-6);
    expectArraysClose(listed, twoSteps, 1e-6);
    expect(Math.max(...Array.from(tf.abs(tf.sub(unmasked, twoSteps)).dataSync()))).toBeGreaterThan(1e-3);
    tf.dispose([x, mask, single, listed, unmasked, firstTwo, twoSteps]);
    layer.dispose();
  });

  it('gives zeros of [batch, units] as the last output when no step is kept: none at all, or all masked', () => {
    const layer = simpleRNN({ units: 3 });
    const empty = tf.zeros([2, 0, 4]);
    const x = tf.ones([2, 3, 4]);
    const mask = tf.zeros([2, 3], 'bool');
    const none = layer.apply(empty);
    const masked = layer.apply(x, { mask });
    for (const y of [none, masked]) {
      expect(y.shape).toEqual([2, 3]);
      expect(Array.from(y.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    }
    tf.dispose([empty, x, mask, none, masked]);
    layer.dispose();
  });
});
