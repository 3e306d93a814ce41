import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLossGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { gru } from './gru';

afterEach(() => resetUniqueNames());

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const times = (v: number[], m: number[][]) => m[0].map((_, k) => v.reduce((sum, vi, i) => sum + vi * m[i][k], 0));
const rows = (values: Float32Array, columns: number) => Array.from({ length: values.length / columns }, (_, r) => Array.from(values.slice(r * columns, (r + 1) * columns)));
const add = (a: number[], b: number[]) => a.map((v, k) => v + b[k]);

// Two samples, two steps, two features; two units (kernels of 3·2 columns: z, r, h).
const xs = [[[0.5, -1], [1, 0.25]], [[2, 1], [-1, -1]]];
const W = rows(seededArray(12, 21), 6);
const U = rows(seededArray(12, 22), 6);
const inputBias = Array.from(seededArray(6, 23));
const recurrentBias = Array.from(seededArray(6, 24));
const block = (v: number[], g: number) => v.slice(2 * g, 2 * g + 2);

/** Keras 3's GRU step, reset gate after the recurrent product (two bias rows). */
function stepAfter(x: number[], h: number[]): number[] {
  const fromX = add(times(x, W), inputBias);
  const fromH = add(times(h, U), recurrentBias);
  const z = add(block(fromX, 0), block(fromH, 0)).map(sigmoid);
  const r = add(block(fromX, 1), block(fromH, 1)).map(sigmoid);
  const candidate = block(fromX, 2).map((v, j) => Math.tanh(v + r[j] * block(fromH, 2)[j]));
  return h.map((hj, j) => z[j] * hj + (1 - z[j]) * candidate[j]);
}

/** Keras's GRU step, reset gate applied to h before the product (one bias row). */
function stepBefore(x: number[], h: number[]): number[] {
  const fromX = add(times(x, W), inputBias);
  const fromH = times(h, U);
  const z = add(block(fromX, 0), block(fromH, 0)).map(sigmoid);
  const r = add(block(fromX, 1), block(fromH, 1)).map(sigmoid);
  const candidateKernel = U.map((row) => row.slice(4, 6));
  const candidate = add(block(fromX, 2), times(h.map((hj, j) => r[j] * hj), candidateKernel)).map(Math.tanh);
  return h.map((hj, j) => z[j] * hj + (1 - z[j]) * candidate[j]);
}

function withWeights(layer: ReturnType<typeof gru>) {
  layer.build([2, 2, 2]);
  const bias = layer.cell.resetAfter ? tf.tensor2d([inputBias, recurrentBias]) : tf.tensor1d(inputBias);
  layer.setWeights([tf.tensor2d(W), tf.tensor2d(U), bias]);
  return layer;
}

describeEachBackend('GRU', () => {
  it.each([
    ['reset after (Keras 3)', () => gru({ units: 3 }), [2, 3, 4], [2, 3], [[4, 9], [3, 9], [2, 9]]],
    ['reset before', () => gru({ units: 3, resetAfter: false }), [2, 3, 4], [2, 3], [[4, 9], [3, 9], [9]]],
    ['sequences, state, backwards', () => gru({ units: 2, returnSequences: true, returnState: true, goBackwards: true }), [2, 3, 4], [[2, 3, 2], [2, 2]], [[4, 6], [2, 6], [2, 6]]],
    ['dropout and recurrent dropout, reset before', () => gru({ units: 2, dropout: 0.2, recurrentDropout: 0.3, resetAfter: false }), [2, 3, 4], [2, 2], [[4, 6], [2, 6], [6]]],
    ['dropout and recurrent dropout, reset after', () => gru({ units: 2, dropout: 0.2, recurrentDropout: 0.3, biasRegularizer: 'l1' }), [2, 3, 4], [2, 2], [[4, 6], [2, 6], [2, 6]]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer, inputShape: [...inputShape], expectedOutputShape: outputShape.map((s) => (Array.isArray(s) ? [...s] : s)) as number[] | number[][], expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it.each([
    ['after', true, stepAfter],
    ['before', false, stepBefore],
  ] as const)('follows Keras\'s equations over one and two steps (reset %s)', async (_name, resetAfter, step) => {
    const layer = withWeights(gru({ units: 2, resetAfter, returnSequences: true }));
    const x = tf.tensor3d(xs);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      const expected = xs.flatMap((sample) => {
        const h1 = step(sample[0], [0, 0]);
        return [...h1, ...step(sample[1], h1)];
      });
      expectArraysClose(y, expected, 1e-5);
      y.dispose();
    });
    x.dispose();
    layer.dispose();
  });

  it.each([true, false])('gives gradients that finite differences give (resetAfter %s)', (resetAfter) => {
    const layer = withWeights(gru({ units: 2, resetAfter, returnSequences: true }));
    const x = tf.tensor3d(seededArray(2 * 3 * 2, 25), [2, 3, 2]);
    const projection = tf.tensor3d(seededArray(12, 26), [2, 3, 2]);
    const loss = () => tf.sum(tf.mul(layer.apply(x), projection)) as tf.Scalar;
    expectLossGradientsMatchFiniteDifferences(loss, layer.trainableWeights.map((w) => w.read()));
    tf.dispose([x, projection]);
    layer.dispose();
  });

  it('writes reset_after and a two-row bias by default, as Keras 3', () => {
    const layer = gru({ units: 4 });
    expect(layer.getConfig()).toMatchObject({ reset_after: true, recurrent_activation: 'sigmoid', units: 4 });
    layer.build([null, 5, 3]);
    expect(layer.weights.map((w) => w.shape)).toEqual([[3, 12], [4, 12], [2, 12]]);
    expect(layer.weights.map((w) => w.path)).toEqual(['gru_cell/kernel', 'gru_cell/recurrent_kernel', 'gru_cell/bias']);
    layer.dispose();
  });

  it('rejects bad arguments, naming the layer', () => {
    expect(() => gru({ units: -1 })).toThrow('Expected units to be an integer ≥ 1, received -1 in layer "gru"');
    expect(() => gru({ units: 2, stateful: true })).toThrow(/Expected stateful to be false .* in layer "gru_1"/);
  });
});
