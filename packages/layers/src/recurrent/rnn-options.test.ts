import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { setMask } from '../engine/masking';
import { lstmCell } from './lstm-cell';
import { rnn } from './rnn';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

const times = (v: number[], m: number[][]) => m[0].map((_, k) => v.reduce((sum, vi, i) => sum + vi * m[i][k], 0));
const rows = (values: Float32Array, columns: number) => Array.from({ length: values.length / columns }, (_, r) => Array.from(values.slice(r * columns, (r + 1) * columns)));

// Two samples, three steps, two features; two units.
const xs = [[[0.5, -1], [1, 0.25], [-0.5, 2]], [[2, 1], [-1, -1], [0.1, 0.3]]];
const W = rows(seededArray(4, 71), 2);
const U = rows(seededArray(4, 72), 2);
const b = Array.from(seededArray(2, 73));
/** Keras's SimpleRNN step: h = tanh(x·W + b + h·U). */
const step = (x: number[], h: number[]) => times(x, W).map((v, k) => Math.tanh(v + b[k] + times(h, U)[k]));

describeEachBackend('RNN options', () => {
  it('runs backwards over a masked sequence: masked steps carry the state, the sequence comes out in reverse', async () => {
    const layer = simpleRNN({ units: 2, returnSequences: true, returnState: true, goBackwards: true });
    layer.build([2, 3, 2]);
    layer.setWeights([tf.tensor2d(W), tf.tensor2d(U), tf.tensor1d(b)]);
    const x = tf.tensor3d(xs);
    const keep = [[1, 1, 0], [0, 1, 1]];
    const mask = tf.tensor2d(keep, [2, 3], 'bool');
    setMask(x, mask);
    await expectNoLeakedTensors(() => {
      const [sequence, last] = layer.apply(x) as unknown as tf.Tensor[];
      const expected = xs.map((sample, s) => {
        let h = [0, 0];
        return [2, 1, 0].map((t) => (h = keep[s][t] === 1 ? step(sample[t], h) : h));
      });
      expectArraysClose(sequence, expected.flat(2), 1e-5);
      expectArraysClose(last, expected.map((run) => run[2]).flat(), 1e-5);
      tf.dispose([sequence, last]);
    });
    tf.dispose([x, mask]);
    layer.dispose();
  });

  it('returns an empty sequence of the output size for zero steps', async () => {
    const layer = simpleRNN({ units: 3, returnSequences: true });
    layer.build([2, 0, 4]);
    const x = tf.zeros([2, 0, 4]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x) as tf.Tensor;
      expect(y.shape).toEqual([2, 0, 3]);
      y.dispose();
    });
    x.dispose();
    layer.dispose();
  });

  it('keeps the feature size it was built with, and gives its output shapes', () => {
    const layer = rnn({ cell: lstmCell({ units: 3 }), returnState: true, name: 'r' });
    layer.build([null, 5, 4]);
    const wrong = tf.zeros([1, 5, 2]);
    expect(() => layer.apply(wrong)).toThrow('Expected axis -1 of the input to have size 4, received shape [1, 5, 2] in layer "r"');
    wrong.dispose();
    expect(layer.computeOutputShape([7, 5, 4])).toEqual([[7, 3], [7, 3], [7, 3]]);
    expect(rnn({ cell: lstmCell({ units: 3 }), returnSequences: true }).computeOutputShape([7, 5, 4])).toEqual([7, 5, 3]);
    expect(simpleRNN({ units: 2 }).computeOutputShape([[7, 5, 4]])).toEqual([7, 2]);
    expect(() => rnn({ cell: lstmCell({ units: 3 }), name: 'open' }).build([1, 5, null])).toThrow('Expected the feature axis of the input to be known in layer "open", received [1, 5, null]');
  });

  it('passes a list mask on (its first) with returned sequences only', () => {
    const mask = tf.tensor2d([[1, 0]], [1, 2], 'bool');
    expect(simpleRNN({ units: 2, returnSequences: true }).computeMask(tf.zeros([1, 2, 1]), [mask])).toBe(mask);
    expect(simpleRNN({ units: 2 }).computeMask(tf.zeros([1, 2, 1]), [mask])).toBeNull();
    expect(simpleRNN({ units: 2, returnSequences: true }).computeMask(tf.zeros([1, 2, 1]), null)).toBeNull();
    mask.dispose();
  });
});

describe('RNN config', () => {
  it('writes each option, and rebuilds the same layer from it', () => {
    const layer = rnn({ cell: lstmCell({ units: 2, name: 'c' }), returnSequences: true, returnState: true, goBackwards: true, unroll: true, zeroOutputForMask: true, activityRegularizer: 'l2', name: 'r' });
    const config = layer.getConfig();
    expect(config).toMatchObject({
      return_sequences: true,
      return_state: true,
      go_backwards: true,
      stateful: false,
      unroll: true,
      zero_output_for_mask: true,
      activity_regularizer: { class_name: 'L2' },
      cell: { class_name: 'LSTMCell', config: { name: 'c', units: 2 } },
    });
    const rebuilt = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer))));
    expect(rebuilt.getConfig()).toEqual(JSON.parse(JSON.stringify(config)));
    expect(simpleRNN({ units: 2 }).getConfig()).toMatchObject({ return_sequences: false, return_state: false, go_backwards: false, unroll: false, zero_output_for_mask: false, activity_regularizer: null });
  });
});
