import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { AdditiveAttention, additiveAttention } from './additive-attention';
import { type Sequences, additiveScore, referenceDenseAttention } from './reference-attention';

afterEach(() => resetUniqueNames());

const sequences = (batch: number, steps: number, dim: number, seed: number) => tf.tensor3d(seededArray(batch * steps * dim, seed), [batch, steps, dim]);
const arrays = (t: tf.Tensor) => t.arraySync() as Sequences;

describeEachBackend('AdditiveAttention', () => {
  it.each([
    ['useScale', {}, [[4]]],
    ['no scale', { useScale: false }, []],
  ] as const)('passes runLayerTest: %s', async (_name, args, weightShapes) => {
    await runLayerTest({
      makeLayer: () => additiveAttention(args),
      inputShape: [[2, 3, 4], [2, 5, 4]],
      expectedOutputShape: [2, 3, 4],
      expectedWeightShapes: weightShapes.map((shape) => [...shape]),
    });
  });

  it('computes Bahdanau scores Σ scale · tanh(query + key) as the loop reference, with masks', async () => {
    const [q, v, k] = [sequences(2, 3, 4, 1), sequences(2, 5, 4, 2), sequences(2, 5, 4, 3)];
    const layer = additiveAttention();
    layer.apply([q, v]).dispose();
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['scale', [4]]]);
    const scale = [0.5, -1, 2, 0.25];
    const scaleTensor = tf.tensor1d(scale);
    layer.setWeights([scaleTensor]);
    const valueMask = [[true, true, false, true, false], [false, true, true, true, true]];
    const vm = tf.tensor2d(valueMask, undefined, 'bool');
    await expectNoLeakedTensors(() => {
      const [output, weights] = layer.apply([q, v, k], { returnAttentionScores: true }) as unknown as tf.Tensor[];
      const reference = referenceDenseAttention(arrays(q), arrays(v), arrays(k), additiveScore(scale));
      expectArraysClose(output, reference.output.flat(2), 1e-5);
      expectArraysClose(weights, reference.weights.flat(2), 1e-5);
      const masked = layer.apply([q, v], { mask: [null as never, vm], useCausalMask: true });
      expectArraysClose(masked, referenceDenseAttention(arrays(q), arrays(v), arrays(v), additiveScore(scale), { valueMask, causal: true }).output.flat(2), 1e-5);
      tf.dispose([output, weights, masked]);
    });
    tf.dispose([q, v, k, scaleTensor, vm]);
  });

  it('has gradients equal to the reference computation written in tf ops', async () => {
    const [q, v] = [sequences(2, 3, 4, 4), sequences(2, 5, 4, 5)];
    const layer = additiveAttention();
    layer.apply([q, v]).dispose();
    const projection = sequences(2, 3, 4, 6);
    const scale = layer.scale!.read();
    const reference = (query: tf.Tensor, value: tf.Tensor, weight: tf.Tensor) => {
      const scores = tf.sum(tf.mul(weight, tf.tanh(tf.add(tf.expandDims(query, 2), tf.expandDims(value, 1)))), -1);
      return tf.sum(tf.mul(tf.matMul(tf.softmax(scores), value), projection)) as tf.Scalar;
    };
    await expectNoLeakedTensors(() => {
      const expected = tf.grads(reference)([q, v, scale]);
      const inputs = tf.grads((query: tf.Tensor, value: tf.Tensor) => tf.sum(tf.mul(layer.apply([query, value]), projection)) as tf.Scalar)([q, v]);
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply([q, v]), projection)) as tf.Scalar, [scale]);
      expectArraysClose(inputs[0], expected[0], 1e-4);
      expectArraysClose(inputs[1], expected[1], 1e-4);
      expectArraysClose(grads[scale.name], expected[2], 1e-4);
      tf.dispose([...expected, ...inputs, value, ...Object.values(grads)]);
    });
    tf.dispose([q, v, projection]);
  });

  it('writes Keras 3 config keys (no score_mode) and refuses score_mode as an option', () => {
    const layer = additiveAttention({ name: 'add_att', dropout: 0.2 });
    expect(serializeLayer(layer)).toEqual({ class_name: 'AdditiveAttention', config: { name: 'add_att', trainable: true, dtype: 'float32', use_scale: true, dropout: 0.2 } });
    const rebuilt = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer)))) as AdditiveAttention;
    expect([rebuilt.useScale, rebuilt.dropout]).toEqual([true, 0.2]);
    expect(() => additiveAttention({ scoreMode: 'dot' } as never)).toThrow('Unknown option "scoreMode" in layer AdditiveAttention');
  });
});
