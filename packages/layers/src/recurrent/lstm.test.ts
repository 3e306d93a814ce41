import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLossGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { lstm } from './lstm';

afterEach(() => resetUniqueNames());

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const times = (v: number[], m: number[][]) => m[0].map((_, k) => v.reduce((sum, vi, i) => sum + vi * m[i][k], 0));
const rows = (values: Float32Array, columns: number) => Array.from({ length: values.length / columns }, (_, r) => Array.from(values.slice(r * columns, (r + 1) * columns)));

// Two samples, two steps, two features; two units (kernels of 4·2 columns: i, f, c, o).
const xs = [[[0.5, -1], [1, 0.25]], [[2, 1], [-1, -1]]];
const W = rows(seededArray(16, 11), 8);
const U = rows(seededArray(16, 12), 8);
const b = Array.from(seededArray(8, 13));

/** Keras's LSTM step, in plain numbers. */
function step(x: number[], h: number[], c: number[]): [number[], number[]] {
  const z = times(x, W).map((v, k) => v + times(h, U)[k] + b[k]);
  const block = (g: number) => z.slice(2 * g, 2 * g + 2);
  const [i, f, o] = [block(0).map(sigmoid), block(1).map(sigmoid), block(3).map(sigmoid)];
  const carry = c.map((cj, j) => f[j] * cj + i[j] * Math.tanh(block(2)[j]));
  return [carry.map((cj, j) => o[j] * Math.tanh(cj)), carry];
}

function withWeights(layer: ReturnType<typeof lstm>) {
  layer.build([2, 2, 2]);
  layer.setWeights([tf.tensor2d(W), tf.tensor2d(U), tf.tensor1d(b)]);
  return layer;
}

describeEachBackend('LSTM', () => {
  it.each([
    ['last output', () => lstm({ units: 2 }), [2, 3, 4], [2, 2], [[4, 8], [2, 8], [8]]],
    ['sequences and states', () => lstm({ units: 2, returnSequences: true, returnState: true }), [2, 3, 4], [[2, 3, 2], [2, 2], [2, 2]], [[4, 8], [2, 8], [8]]],
    ['backwards', () => lstm({ units: 3, goBackwards: true, unitForgetBias: false }), [2, 3, 4], [2, 3], [[4, 12], [3, 12], [12]]],
    ['dropout and recurrent dropout', () => lstm({ units: 2, dropout: 0.2, recurrentDropout: 0.2, seed: 3 }), [2, 3, 4], [2, 2], [[4, 8], [2, 8], [8]]],
    ['no bias, constrained', () => lstm({ units: 2, useBias: false, recurrentConstraint: 'max_norm', recurrentActivation: 'hard_sigmoid' }), [2, 3, 4], [2, 2], [[4, 8], [2, 8]]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer, inputShape: [...inputShape], expectedOutputShape: outputShape.map((s) => (Array.isArray(s) ? [...s] : s)) as number[] | number[][], expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it('follows Keras\'s equations over one and two steps, returning h and c', async () => {
    const layer = withWeights(lstm({ units: 2, returnSequences: true, returnState: true }));
    const x = tf.tensor3d(xs);
    await expectNoLeakedTensors(() => {
      const [sequence, h, c] = layer.apply(x) as unknown as tf.Tensor[];
      const runs = xs.map((sample) => {
        const [h1, c1] = step(sample[0], [0, 0], [0, 0]);
        const [h2, c2] = step(sample[1], h1, c1);
        return { sequence: [...h1, ...h2], h: h2, c: c2 };
      });
      expectArraysClose(sequence, runs.flatMap((run) => run.sequence), 1e-5);
      expectArraysClose(h, runs.flatMap((run) => run.h), 1e-5);
      expectArraysClose(c, runs.flatMap((run) => run.c), 1e-5);
      tf.dispose([sequence, h, c]);
    });
    x.dispose();
    layer.dispose();
  });

  it('starts the forget gate\'s bias at 1 (unitForgetBias), as Keras', () => {
    const layer = lstm({ units: 2 });
    layer.build([1, 1, 3]);
    expectArraysClose(layer.cell.bias!.read(), [0, 0, 1, 1, 0, 0, 0, 0], 0);
    const plain = lstm({ units: 2, unitForgetBias: false });
    plain.build([1, 1, 3]);
    expectArraysClose(plain.cell.bias!.read(), [0, 0, 0, 0, 0, 0, 0, 0], 0);
    layer.dispose();
    plain.dispose();
  });

  it('gives gradients that finite differences give', () => {
    const layer = withWeights(lstm({ units: 2, returnSequences: true }));
    const x = tf.tensor3d(seededArray(2 * 3 * 2, 14), [2, 3, 2]);
    const projection = tf.tensor3d(seededArray(12, 15), [2, 3, 2]);
    const loss = () => tf.sum(tf.mul(layer.apply(x), projection)) as tf.Scalar;
    expectLossGradientsMatchFiniteDifferences(loss, layer.trainableWeights.map((w) => w.read()));
    tf.dispose([x, projection]);
    layer.dispose();
  });

  it('writes Keras\'s config keys, flat', () => {
    const config = lstm({ units: 4, name: 'lstm' }).getConfig();
    expect(Object.keys(config).sort()).toEqual(
      [
        'name', 'trainable', 'dtype', 'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'zero_output_for_mask',
        'activity_regularizer', 'units', 'activation', 'recurrent_activation', 'use_bias', 'unit_forget_bias', 'kernel_initializer',
        'recurrent_initializer', 'bias_initializer', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'kernel_constraint',
        'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'seed',
      ].sort(),
    );
    expect(config).toMatchObject({ units: 4, activation: 'tanh', recurrent_activation: 'sigmoid', unit_forget_bias: true, stateful: false });
    expect(config.recurrent_initializer).toMatchObject({ class_name: 'Orthogonal' });
  });

  it('rejects bad arguments and inputs, naming the layer', () => {
    expect(() => lstm({ units: 0 })).toThrow('Expected units to be an integer ≥ 1, received 0 in layer "lstm"');
    expect(() => lstm({ units: 2, stateful: true })).toThrow('Expected stateful to be false (states carried across batches are not supported), received true in layer "lstm_1"');
    expect(() => lstm({ units: 2, dropout: 1 })).toThrow('Expected dropout to be a number in [0, 1), received 1 in layer "lstm_2"');
    expect(() => lstm({ units: 2, recurrentActivation: 'nope' as never, name: 'l9' })).toThrow(/Unknown activation "nope".*, for recurrentActivation in layer "l9_cell"$/);
    expect(() => lstm({ units: 2, recurrentActivation: 'sigmoidd' as never })).toThrow(/Unknown activation "sigmoidd"/);
    resetUniqueNames();
    const layer = lstm({ units: 2 });
    const x = tf.zeros([32, 10]);
    expect(() => layer.apply(x)).toThrow('Expected inputShape of rank 3, received [32, 10] in layer "lstm"');
    x.dispose();
  });
});
