import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLossGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { getMask, setMask } from '../engine/masking';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { embedding } from '../embedding/embedding';
import { gruCell } from './gru-cell';
import { lstm } from './lstm';
import { lstmCell } from './lstm-cell';
import { rnn } from './rnn';
import { simpleRNN } from './simple-rnn';
import { simpleRNNCell } from './simple-rnn-cell';

afterEach(() => resetUniqueNames());

describeEachBackend('RNN and the cells', () => {
  it.each([
    ['lstmCell', () => rnn({ cell: lstmCell({ units: 3 }) }), [2, 4, 5], [2, 3], [[5, 12], [3, 12], [12]]],
    ['gruCell, sequences', () => rnn({ cell: gruCell({ units: 2, resetAfter: false }), returnSequences: true }), [2, 4, 5], [2, 4, 2], [[5, 6], [2, 6], [6]]],
    ['simpleRNNCell, state', () => rnn({ cell: simpleRNNCell({ units: 2 }), returnState: true, activityRegularizer: 'l2' }), [2, 4, 5], [[2, 2], [2, 2]], [[5, 2], [2, 2], [2]]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer, inputShape: [...inputShape], expectedOutputShape: outputShape.map((s) => (Array.isArray(s) ? [...s] : s)) as number[] | number[][], expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it.each([
    ['simpleRNNCell', () => simpleRNNCell({ units: 2 }), [[2, 3], [2, 2]], [[2, 2], [2, 2]], [[3, 2], [2, 2], [2]]],
    ['lstmCell', () => lstmCell({ units: 2, dropout: 0.1 }), [[2, 3], [2, 2], [2, 2]], [[2, 2], [2, 2], [2, 2]], [[3, 8], [2, 8], [8]]],
    ['gruCell', () => gruCell({ units: 2, recurrentDropout: 0.1 }), [[2, 3], [2, 2]], [[2, 2], [2, 2]], [[3, 6], [2, 6], [2, 6]]],
  ] as const)('%s alone passes runLayerTest on [x, ...states]', async (_name, makeLayer, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer, inputShape: inputShape.map((s) => [...s]), expectedOutputShape: outputShape.map((s) => [...s]), expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it('serializes its cell, and SimpleRNN/LSTM/GRU flatten it as Keras', () => {
    const layer = rnn({ cell: lstmCell({ units: 3, name: 'cell' }), returnSequences: true, name: 'seq' });
    const serialized = JSON.parse(JSON.stringify(serializeLayer(layer)));
    expect(serialized.config.cell).toMatchObject({ class_name: 'LSTMCell', config: { name: 'cell', units: 3, unit_forget_bias: true } });
    const rebuilt = deserializeLayer(serialized);
    expect(rebuilt.getConfig()).toEqual(serialized.config);
    expect(serializeLayer(lstm({ units: 2 })).config).not.toHaveProperty('cell');
  });

  it('runs a cell alone on [x, ...states], as one step of its layer', async () => {
    const layer = lstm({ units: 2, returnState: true });
    const x = tf.tensor3d(seededArray(2 * 1 * 3, 31), [2, 1, 3]);
    const h = tf.tensor2d(seededArray(4, 32), [2, 2]);
    const c = tf.tensor2d(seededArray(4, 33), [2, 2]);
    const [output, hNext, cNext] = layer.apply(x, { initialState: [h, c] }) as unknown as tf.Tensor[];
    const step = tf.squeeze(x, [1]);
    await expectNoLeakedTensors(() => {
      const alone = layer.cell.apply([step, h, c]) as unknown as tf.Tensor[];
      expect(alone).toHaveLength(3);
      expectArraysClose(alone[0], output, 1e-6);
      expectArraysClose(alone[1], hNext, 1e-6);
      expectArraysClose(alone[2], cNext, 1e-6);
      tf.dispose(alone);
    });
    tf.dispose([x, h, c, output, hNext, cNext, step]);
    layer.dispose();
  });

  it.each([
    ['left', [[0, 0, 3, 1]]],
    ['right', [[3, 1, 0, 0]]],
  ])('ignores padding (%s) masked by Embedding(maskZero), as if the sequence were unpadded', (_side, padded) => {
    const words = embedding({ inputDim: 5, outputDim: 3, maskZero: true });
    const recurrent = lstm({ units: 2 });
    const run = (ids: number[][]) =>
      tf.tidy(() => {
        const vectors = words.apply(tf.tensor2d(ids, undefined, 'int32'));
        return recurrent.apply(vectors);
      });
    const y = run(padded);
    const unpadded = run([[3, 1]]);
    expectArraysClose(y, unpadded, 1e-6);
    tf.dispose([y, unpadded]);
    words.dispose();
    recurrent.dispose();
  });

  it('passes the mask on with returned sequences, and outputs zeros at masked steps with zeroOutputForMask', () => {
    const x = tf.tensor3d(seededArray(1 * 3 * 2, 34), [1, 3, 2]);
    const mask = tf.tensor2d([[1, 0, 1]], [1, 3], 'bool');
    setMask(x, mask);
    const carried = simpleRNN({ units: 2, returnSequences: true });
    const y = carried.apply(x);
    expect(getMask(y)).toBe(mask);
    const values = Array.from(y.dataSync());
    expect(values.slice(2, 4)).toEqual(values.slice(0, 2));
    const zeroed = rnn({ cell: simpleRNNCell({ units: 2 }), returnSequences: true, zeroOutputForMask: true });
    const z = zeroed.apply(x);
    expectArraysClose(Array.from(z.dataSync()).slice(2, 4), [0, 0], 0);
    const last = simpleRNN({ units: 2 }).apply(x);
    expect(getMask(last)).toBeNull();
    tf.dispose([x, mask, y, z, last]);
  });

  it('drops inputs and states in training only, with one mask per sequence, repeatably for a seed', () => {
    const x = tf.ones([2, 5, 6]);
    // Identity kernel, no recurrence, linear: each step's output is its input's dropout mask.
    const make = () => {
      const layer = simpleRNN({ units: 6, dropout: 0.5, activation: 'linear', useBias: false, returnSequences: true, seed: 4 });
      layer.build([2, 5, 6]);
      layer.setWeights([tf.eye(6), tf.zeros([6, 6])]);
      return layer;
    };
    const layer = make();
    const trainedOutput = layer.apply(x, { training: true });
    const trained = trainedOutput.arraySync() as number[][][];
    for (const sample of trained) {
      for (const row of sample) expect(row).toEqual(sample[0]);
      expect(sample[0].every((v) => v === 0 || v === 2)).toBe(true);
    }
    expect(trained.flat(2)).toContain(0);
    const again = make().apply(x, { training: true });
    expect(again.arraySync()).toEqual(trained);
    const inferred = layer.apply(x, { training: false });
    expectArraysClose(inferred, x, 1e-6);
    tf.dispose([x, trainedOutput, again, inferred]);
  });

  it('checks gradients against finite differences, and catches a wrong one', () => {
    const w = tf.variable(tf.tensor1d([0.5, -1, 2]));
    expectLossGradientsMatchFiniteDifferences(() => tf.sum(tf.square(w)) as tf.Scalar, [w]);
    const wrongSquare = tf.customGrad(((v: tf.Tensor, save: (tensors: tf.Tensor[]) => void) => {
      save([v]);
      return { value: tf.square(v), gradFunc: (dy: tf.Tensor, [saved]: tf.Tensor[]) => tf.mul(dy, tf.mul(saved, 3)) };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    expect(() => expectLossGradientsMatchFiniteDifferences(() => tf.sum(wrongSquare(w) as tf.Tensor) as tf.Scalar, [w])).toThrow(/d loss \/ d/);
    w.dispose();
  });

  it('rejects bad arguments, naming the layer', () => {
    expect(() => rnn({ cell: 'lstm' as never })).toThrow('Expected cell to be a recurrent cell (SimpleRNNCell, LSTMCell, GRUCell), received lstm in layer "rnn"');
    expect(() => lstmCell({ units: 0 })).toThrow('Expected units to be an integer ≥ 1, received 0 in layer "lstm_cell"');
    expect(() => rnn({ cell: gruCell({ units: 1 }), stateful: true })).toThrow(/Expected stateful to be false .* in layer "rnn_1"/);
  });
});
