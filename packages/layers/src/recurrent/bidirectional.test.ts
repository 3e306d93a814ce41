import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { getMask, setMask } from '../engine/masking';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { dense } from '../core/dense';
import { bidirectional } from './bidirectional';
import { gru } from './gru';
import { lstm } from './lstm';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

const times = (v: number[], m: number[][]) => m[0].map((_, k) => v.reduce((sum, vi, i) => sum + vi * m[i][k], 0));
const rows = (values: Float32Array, columns: number) => Array.from({ length: values.length / columns }, (_, r) => Array.from(values.slice(r * columns, (r + 1) * columns)));

const lstmWeights = [[4, 8], [2, 8], [8]];

describeEachBackend('Bidirectional', () => {
  it.each([
    ['concat sequences', () => bidirectional({ layer: lstm({ units: 2, returnSequences: true }) }), [2, 3, 4], [2, 3, 4], [...lstmWeights, ...lstmWeights]],
    ['sum', () => bidirectional({ layer: gru({ units: 2 }), mergeMode: 'sum' }), [2, 3, 4], [2, 2], [[4, 6], [2, 6], [2, 6], [4, 6], [2, 6], [2, 6]]],
    ['mul', () => bidirectional({ layer: simpleRNN({ units: 3 }), mergeMode: 'mul' }), [2, 3, 4], [2, 3], [[4, 3], [3, 3], [3], [4, 3], [3, 3], [3]]],
    ['ave sequences', () => bidirectional({ layer: simpleRNN({ units: 3, returnSequences: true }), mergeMode: 'ave' }), [2, 3, 4], [2, 3, 3], [[4, 3], [3, 3], [3], [4, 3], [3, 3], [3]]],
    ['no merge', () => bidirectional({ layer: lstm({ units: 2, returnSequences: true }), mergeMode: null }), [2, 3, 4], [[2, 3, 2], [2, 3, 2]], [...lstmWeights, ...lstmWeights]],
    ['states', () => bidirectional({ layer: lstm({ units: 2, returnState: true }) }), [2, 3, 4], [[2, 4], [2, 2], [2, 2], [2, 2], [2, 2]], [...lstmWeights, ...lstmWeights]],
    ['own backward layer', () => bidirectional({ layer: simpleRNN({ units: 2 }), backwardLayer: simpleRNN({ units: 3, goBackwards: true }) }), [2, 3, 4], [2, 5], [[4, 2], [2, 2], [2], [4, 3], [3, 3], [3]]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer, inputShape: [...inputShape], expectedOutputShape: outputShape.map((s) => (Array.isArray(s) ? [...s] : s)) as number[] | number[][], expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it('concatenates the forward output and the backward output put back in time order', async () => {
    // Hand-set SimpleRNNs: forward over steps 0, 1, 2; backward over 2, 1, 0.
    const [Wf, Uf, bf] = [rows(seededArray(4, 41), 2), rows(seededArray(4, 42), 2), Array.from(seededArray(2, 43))];
    const [Wb, Ub, bb] = [rows(seededArray(4, 44), 2), rows(seededArray(4, 45), 2), Array.from(seededArray(2, 46))];
    const step = (W: number[][], U: number[][], b: number[]) => (x: number[], h: number[]) => times(x, W).map((v, k) => Math.tanh(v + b[k] + times(h, U)[k]));
    const layer = bidirectional({ layer: simpleRNN({ units: 2, returnSequences: true }) });
    layer.build([1, 3, 2]);
    layer.setWeights([Wf, Uf, [bf], Wb, Ub, [bb]].map((values) => tf.tensor(values).reshape(values.length === 1 ? [2] : [2, 2])));
    const xs = [[0.5, -1], [1, 0.25], [-0.5, 2]];
    const x = tf.tensor3d([xs]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      expect(y.shape).toEqual([1, 3, 4]);
      let h = [0, 0];
      const forward = xs.map((xt) => (h = step(Wf, Uf, bf)(xt, h)));
      h = [0, 0];
      const backward = [...xs].reverse().map((xt) => (h = step(Wb, Ub, bb)(xt, h))).reverse();
      expectArraysClose(y, forward.flatMap((f, t) => [...f, ...backward[t]]), 1e-5);
      y.dispose();
    });
    x.dispose();
    layer.dispose();
  });

  it('equals forward ⊕ reversed backward of its own two layers, and returns both states', () => {
    const layer = bidirectional({ layer: lstm({ units: 2, returnSequences: true, returnState: true }) });
    const x = tf.tensor3d(seededArray(2 * 3 * 2, 47), [2, 3, 2]);
    const [merged, hf, cf, hb, cb] = layer.apply(x) as unknown as tf.Tensor[];
    const [forward, hf2, cf2] = layer.forwardLayer.apply(x) as unknown as tf.Tensor[];
    const [backward, hb2, cb2] = layer.backwardLayer.apply(x) as unknown as tf.Tensor[];
    const expected = tf.concat([forward, tf.reverse(backward, 1)], -1);
    expectArraysClose(merged, expected, 1e-6);
    [[hf, hf2], [cf, cf2], [hb, hb2], [cb, cb2]].forEach(([a, b]) => expectArraysClose(a, b, 1e-6));
    tf.dispose([x, merged, hf, cf, hb, cb, forward, hf2, cf2, backward, hb2, cb2, expected]);
    layer.dispose();
  });

  it('masks padding in both directions and passes the mask on', () => {
    const layer = bidirectional({ layer: gru({ units: 2, returnSequences: true }) });
    const x = tf.tensor3d(seededArray(1 * 4 * 3, 48), [1, 4, 3]);
    const mask = tf.tensor2d([[1, 1, 1, 0]], [1, 4], 'bool');
    setMask(x, mask);
    const y = layer.apply(x);
    expect(getMask(y)).toBe(mask);
    const unpadded = tf.slice(x, [0, 0, 0], [1, 3, 3]);
    const reference = layer.apply(unpadded);
    const values = y.arraySync() as number[][][];
    expectArraysClose(values[0].slice(0, 3).flat(), reference, 1e-5);
    expectArraysClose(values[0][3], [0, 0, 0, 0], 0);
    tf.dispose([x, mask, y, unpadded, reference]);
    layer.dispose();
  });

  it('rebuilds from its config with forward_ and backward_ layers', () => {
    const layer = bidirectional({ layer: lstm({ units: 2, name: 'encoder' }), mergeMode: 'ave' });
    expect(layer.forwardLayer.name).toBe('forward_encoder');
    expect(layer.backwardLayer.name).toBe('backward_encoder');
    expect(layer.backwardLayer.goBackwards).toBe(true);
    const serialized = JSON.parse(JSON.stringify(serializeLayer(layer)));
    const rebuilt = deserializeLayer(serialized);
    expect(JSON.parse(JSON.stringify(rebuilt.getConfig()))).toEqual(serialized.config);
  });

  it('rejects bad arguments, naming the layer', () => {
    expect(() => bidirectional({ layer: lstm({ units: 2 }), mergeMode: 'max' as never })).toThrow(
      'Expected mergeMode to be one of concat, sum, mul, ave, received "max" in layer "bidirectional"',
    );
    expect(() => bidirectional({ layer: dense({ units: 2 }) as never })).toThrow(/Expected layer to be a recurrent layer \(SimpleRNN, LSTM, GRU, RNN\), received .* in layer "bidirectional_1"/);
    expect(() => bidirectional({ layer: lstm({ units: 2 }), backwardLayer: lstm({ units: 2 }) })).toThrow(
      'Expected the forward and backward layers to differ in goBackwards in layer "bidirectional_2", received false for both',
    );
    expect(() => bidirectional({ layer: lstm({ units: 2 }), backwardLayer: lstm({ units: 2, goBackwards: true, returnSequences: true }) })).toThrow(
      'Expected the forward and backward layers to agree on returnSequences in layer "bidirectional_3", received false and true',
    );
    expect(() => bidirectional({ layer: lstm({ units: 2 }), backwardLayer: lstm({ units: 3, goBackwards: true }), mergeMode: 'sum' })).toThrow(
      'Expected the forward and backward layers to have one output size for mergeMode "sum" in layer "bidirectional_4", received 2 and 3',
    );
    const layer = bidirectional({ layer: lstm({ units: 2 }), name: 'bi' });
    const x = tf.zeros([32, 10]);
    expect(() => layer.apply(x)).toThrow('Expected inputShape of rank 3, received [32, 10] in layer "bi"');
    x.dispose();
    // An LSTM has two states a direction: four initial states, forward's then backward's.
    const sequence = tf.zeros([1, 3, 2]);
    const three = [tf.zeros([1, 2]), tf.zeros([1, 2]), tf.zeros([1, 2])];
    expect(() => layer.apply(sequence, { initialState: three })).toThrow('Expected 4 initial states (the forward layer\'s, then the backward layer\'s) in layer "bi", received 3');
    tf.dispose([sequence, ...three]);
  });
});
