import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { setMask } from '../engine/masking';
import { gru, lstm, simpleRNN } from './recurrent-layers';
import { bidirectional } from './bidirectional';

afterEach(() => resetUniqueNames());

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

describeEachBackend('recurrent layers', () => {
  it.each([
    ['simpleRNN', () => simpleRNN({ units: 3 }), [2, 4, 5], [2, 3], [[5, 3], [3, 3], [3]]],
    ['simpleRNN sequences, backwards', () => simpleRNN({ units: 3, returnSequences: true, goBackwards: true }), [2, 4, 5], [2, 4, 3], [[5, 3], [3, 3], [3]]],
    ['lstm', () => lstm({ units: 2 }), [2, 3, 4], [2, 2], [[4, 8], [2, 8], [8]]],
    ['lstm with state', () => lstm({ units: 2, returnState: true, returnSequences: true }), [2, 3, 4], [[2, 3, 2], [2, 2], [2, 2]], [[4, 8], [2, 8], [8]]],
    ['gru', () => gru({ units: 3, dropout: 0.2, recurrentDropout: 0.2 }), [2, 3, 4], [2, 3], [[4, 9], [3, 9], [2, 9]]],
    ['gru reset before', () => gru({ units: 3, resetAfter: false }), [2, 3, 4], [2, 3], [[4, 9], [3, 9], [9]]],
    ['bidirectional concat', () => bidirectional({ layer: lstm({ units: 2, returnSequences: true }) }), [2, 3, 4], [2, 3, 4], [[4, 8], [2, 8], [8], [4, 8], [2, 8], [8]]],
    ['bidirectional sum', () => bidirectional({ layer: gru({ units: 2 }), mergeMode: 'sum' }), [2, 3, 4], [2, 2], [[4, 6], [2, 6], [2, 6], [4, 6], [2, 6], [2, 6]]],
  ] as const)('%s passes runLayerTest', async (_name, make, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer: make as never, inputShape: [...inputShape], expectedOutputShape: outputShape.map((s) => (Array.isArray(s) ? [...s] : s)) as never, expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it('SimpleRNN and LSTM follow Keras’s equations over two steps', () => {
    const x = tf.tensor3d([[[1], [2]]]); // batch 1, 2 steps, 1 feature
    const rnn = simpleRNN({ units: 1 });
    rnn.build([1, 2, 1]);
    rnn.setWeights([tf.tensor2d([[0.5]]), tf.tensor2d([[0.3]]), tf.tensor1d([0.1])]);
    const h1 = Math.tanh(0.5 * 1 + 0.1);
    const h2 = Math.tanh(0.5 * 2 + 0.3 * h1 + 0.1);
    expectArraysClose(rnn.apply(x), [h2], 1e-5);

    const cell = lstm({ units: 1 });
    cell.build([1, 2, 1]);
    const W = [0.1, 0.2, 0.3, 0.4];
    const U = [0.5, -0.4, 0.3, -0.2];
    const b = [0.01, 1, 0.02, 0.03];
    cell.setWeights([tf.tensor2d([W]), tf.tensor2d([U]), tf.tensor1d(b)]);
    let h = 0;
    let c = 0;
    for (const xt of [1, 2]) {
      const z = W.map((w, k) => w * xt + U[k] * h + b[k]);
      c = sigmoid(z[1]) * c + sigmoid(z[0]) * Math.tanh(z[2]);
      h = sigmoid(z[3]) * Math.tanh(c);
    }
    expectArraysClose(cell.apply(x), [h], 1e-5);
    tf.dispose(x);
  });

  it('GRU follows Keras 3’s reset-after equations', () => {
    const layer = gru({ units: 1 });
    layer.build([1, 2, 1]);
    const W = [0.2, -0.3, 0.4];
    const U = [0.1, 0.5, -0.6];
    const bx = [0.01, 0.02, 0.03];
    const bh = [-0.01, 0.04, 0.05];
    layer.setWeights([tf.tensor2d([W]), tf.tensor2d([U]), tf.tensor2d([bx, bh])]);
    let h = 0;
    for (const xt of [1, -1]) {
      const z = sigmoid(W[0] * xt + bx[0] + U[0] * h + bh[0]);
      const r = sigmoid(W[1] * xt + bx[1] + U[1] * h + bh[1]);
      const hh = Math.tanh(W[2] * xt + bx[2] + r * (U[2] * h + bh[2]));
      h = z * h + (1 - z) * hh;
    }
    const x = tf.tensor3d([[[1], [-1]]]);
    expectArraysClose(layer.apply(x), [h], 1e-5);
    tf.dispose(x);
  });

  it('keeps the previous state over masked steps', () => {
    const layer = simpleRNN({ units: 2, returnSequences: true });
    const x = tf.tensor3d(seededArray(1 * 3 * 2, 4), [1, 3, 2]);
    const mask = tf.tensor2d([[1, 0, 1]], [1, 3], 'bool');
    setMask(x, mask);
    const y = layer.apply(x).arraySync() as number[][][];
    expect(y[0][1]).toEqual(y[0][0]);
    tf.dispose([x, mask]);
  });

  it('runs the backward direction on the reversed sequence, returned in time order', () => {
    const forward = simpleRNN({ units: 2, returnSequences: true });
    const wrapper = bidirectional({ layer: forward, mergeMode: null });
    const x = tf.tensor3d(seededArray(1 * 3 * 2, 5), [1, 3, 2]);
    const [f, b] = wrapper.apply(x) as unknown as tf.Tensor[];
    const backwardAlone = wrapper.backwardLayer.apply(x);
    expectArraysClose(b, tf.reverse(backwardAlone, 1).dataSync());
    expect(f.shape).toEqual([1, 3, 2]);
    tf.dispose([x, f, b, backwardAlone]);
  });

  it('gives LSTM gradients that central finite differences give', () => {
    const layer = lstm({ units: 2 });
    const x = tf.tensor3d(seededArray(1 * 3 * 2, 6), [1, 3, 2]);
    tf.dispose(layer.apply(x));
    const kernel = layer.kernel!.read();
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(x))) as tf.Scalar, [kernel]);
    const analytic = grads[kernel.name].dataSync().slice();
    tf.dispose(Object.values(grads));
    const base = Float32Array.from(kernel.dataSync());
    const loss = (values: Float32Array) => {
      tf.tidy(() => kernel.assign(tf.tensor(values, kernel.shape)));
      return tf.tidy(() => tf.sum(tf.square(layer.apply(x))).dataSync()[0]);
    };
    for (const index of [0, 3, 9, 14]) {
      const up = base.slice();
      up[index] += 1e-2;
      const down = base.slice();
      down[index] -= 1e-2;
      const numeric = (loss(up) - loss(down)) / 2e-2;
      expect(Math.abs(numeric - analytic[index])).toBeLessThan(2e-3 + 2e-2 * Math.abs(numeric));
    }
    x.dispose();
  });

  it('names bad arguments and inputs', () => {
    expect(() => lstm({ units: 0 })).toThrow('Expected units to be an integer ≥ 1, received 0 in layer "lstm"');
    expect(() => lstm({ units: 2, stateful: true })).toThrow(/Expected stateful to be false in layer "lstm_1"/);
    expect(() => gru({ units: 2, dropout: 1 })).toThrow(/Expected dropout to be a number in \[0, 1\), received 1/);
    expect(() => bidirectional({ layer: lstm({ units: 2 }), mergeMode: 'max' as never })).toThrow(/Expected mergeMode to be one of concat, sum, mul, ave/);
    const layer = lstm({ units: 2, name: 'lstm_rank' });
    expect(() => layer.apply(tf.zeros([32, 10]))).toThrow('Expected inputShape of rank 3, received [32, 10] in layer "lstm_rank"');
  });
});
