import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLossGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { setMask } from '../engine/masking';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

/** Row vector × matrix, in plain numbers. */
const times = (v: number[], m: number[][]) => m[0].map((_, k) => v.reduce((sum, vi, i) => sum + vi * m[i][k], 0));
const rows = (values: Float32Array, columns: number) => Array.from({ length: values.length / columns }, (_, r) => Array.from(values.slice(r * columns, (r + 1) * columns)));

// Two samples, three steps, two features; two units.
const xs = [[[0.5, -1], [1, 0.25], [-0.5, 2]], [[2, 1], [-1, -1], [0.1, 0.3]]];
const W = rows(seededArray(4, 1), 2);
const U = rows(seededArray(4, 2), 2);
const b = Array.from(seededArray(2, 3));

/** Keras's SimpleRNN step: h = tanh(x·W + b + h·U). */
const step = (x: number[], h: number[]) => times(x, W).map((v, k) => Math.tanh(v + b[k] + times(h, U)[k]));

function withWeights(layer: ReturnType<typeof simpleRNN>) {
  layer.build([2, 3, 2]);
  layer.setWeights([tf.tensor2d(W), tf.tensor2d(U), tf.tensor1d(b)]);
  return layer;
}

describeEachBackend('SimpleRNN', () => {
  it.each([
    ['last output', () => simpleRNN({ units: 3 }), [2, 4, 5], [2, 3], [[5, 3], [3, 3], [3]]],
    ['sequences, backwards', () => simpleRNN({ units: 3, returnSequences: true, goBackwards: true }), [2, 4, 5], [2, 4, 3], [[5, 3], [3, 3], [3]]],
    ['state', () => simpleRNN({ units: 3, returnState: true }), [2, 4, 5], [[2, 3], [2, 3]], [[5, 3], [3, 3], [3]]],
    ['dropout, no bias, regularized', () => simpleRNN({ units: 2, dropout: 0.3, recurrentDropout: 0.3, useBias: false, kernelRegularizer: 'l2', activation: 'relu' }), [2, 3, 4], [2, 2], [[4, 2], [2, 2]]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer, inputShape: [...inputShape], expectedOutputShape: outputShape.map((s) => (Array.isArray(s) ? [...s] : s)) as number[] | number[][], expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it('follows Keras\'s equation over one and two steps', async () => {
    const layer = withWeights(simpleRNN({ units: 2, returnSequences: true }));
    const x = tf.tensor3d(xs.map((sample) => sample.slice(0, 2)));
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      const expected = xs.flatMap((sample) => {
        const h1 = step(sample[0], [0, 0]);
        return [...h1, ...step(sample[1], h1)];
      });
      expectArraysClose(y, expected, 1e-5);
      y.dispose();
    });
    tf.dispose([x]);
    layer.dispose();
  });

  it('runs backwards from the last step with goBackwards, and starts from initialState', () => {
    const layer = withWeights(simpleRNN({ units: 2, goBackwards: true, returnSequences: true }));
    const x = tf.tensor3d(xs);
    const initial = [[0.3, -0.2], [0.1, 0.9]];
    const state = tf.tensor2d(initial);
    const y = layer.apply(x, { initialState: [state] });
    const expected = xs.flatMap((sample, s) => {
      let h = initial[s];
      return [...sample].reverse().flatMap((xt) => (h = step(xt, h)));
    });
    expectArraysClose(y, expected, 1e-5);
    tf.dispose([x, state, y]);
    layer.dispose();
  });

  it('keeps the previous output and state over masked steps', () => {
    const layer = withWeights(simpleRNN({ units: 2, returnSequences: true, returnState: true }));
    const x = tf.tensor3d(xs);
    const mask = tf.tensor2d([[1, 0, 1], [0, 1, 1]], [2, 3], 'bool');
    setMask(x, mask);
    const [sequence, last] = layer.apply(x) as unknown as tf.Tensor[];
    const keep = [[true, false, true], [false, true, true]];
    const expected = xs.map((sample, s) => {
      let h = [0, 0];
      return sample.map((xt, t) => (h = keep[s][t] ? step(xt, h) : h));
    });
    expectArraysClose(sequence, expected.flat(2), 1e-5);
    expectArraysClose(last, expected.map((steps) => steps[2]).flat(), 1e-5);
    tf.dispose([x, mask, sequence, last]);
    layer.dispose();
  });

  it('gives gradients that finite differences give, over masked steps too', () => {
    const layer = withWeights(simpleRNN({ units: 2, returnSequences: true }));
    const x = tf.tensor3d(xs);
    const mask = tf.tensor2d([[1, 1, 0], [1, 0, 1]], [2, 3], 'bool');
    setMask(x, mask);
    const projection = tf.tensor3d(seededArray(12, 4), [2, 3, 2]);
    const loss = () => tf.sum(tf.mul(layer.apply(x), projection)) as tf.Scalar;
    expectLossGradientsMatchFiniteDifferences(loss, layer.trainableWeights.map((w) => w.read()));
    tf.dispose([x, mask, projection]);
    layer.dispose();
  });

  it('rejects bad arguments and inputs, naming the layer', () => {
    expect(() => simpleRNN({ units: 0 })).toThrow('Expected units to be an integer ≥ 1, received 0 in layer "simple_rnn"');
    expect(() => simpleRNN({ units: 2, recurrentDropout: 1 })).toThrow('Expected recurrentDropout to be a number in [0, 1), received 1 in layer "simple_rnn_1"');
    const layer = simpleRNN({ units: 2 });
    const flat = tf.zeros([32, 10]);
    expect(() => layer.apply(flat)).toThrow('Expected inputShape of rank 3, received [32, 10] in layer "simple_rnn_2"');
    const x = tf.zeros([2, 3, 4]);
    const state = tf.zeros([2, 3]);
    expect(() => layer.apply(x, { initialState: [state] })).toThrow('Expected initialState of shapes [2, 2] in layer "simple_rnn_2", received [2, 3]');
    tf.dispose([flat, x, state]);
    layer.dispose();
  });
});
