import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { getMask, setMask } from '../engine/masking';
import { Attention, attention } from './attention';
import { type Sequences, concatScore, dotScore, referenceDenseAttention } from './reference-attention';

afterEach(() => resetUniqueNames());

const sequences = (batch: number, steps: number, dim: number, seed: number) => tf.tensor3d(seededArray(batch * steps * dim, seed), [batch, steps, dim]);
const arrays = (t: tf.Tensor) => t.arraySync() as Sequences;

describeEachBackend('Attention', () => {
  it.each([
    ['dot', {}, []],
    ['dot, useScale', { useScale: true }, [[]]],
    ['concat, useScale', { scoreMode: 'concat', useScale: true }, [[], []]],
  ] as const)('passes runLayerTest: %s', async (_name, args, weightShapes) => {
    await runLayerTest({
      makeLayer: () => attention(args),
      inputShape: [[2, 3, 4], [2, 5, 4]],
      expectedOutputShape: [2, 3, 4],
      expectedWeightShapes: weightShapes.map(() => []),
    });
  });

  it('computes dot-product attention with a scale as the loop reference', async () => {
    const [q, v, k] = [sequences(2, 3, 4, 1), sequences(2, 5, 4, 2), sequences(2, 5, 4, 3)];
    const layer = attention({ useScale: true });
    layer.apply([q, v]).dispose();
    const scale = tf.scalar(0.7);
    layer.setWeights([scale]);
    await expectNoLeakedTensors(() => {
      const withValueAsKey = layer.apply([q, v]);
      expectArraysClose(withValueAsKey, referenceDenseAttention(arrays(q), arrays(v), arrays(v), dotScore(0.7)).output.flat(2), 1e-5);
      const [output, weights] = layer.apply([q, v, k], { returnAttentionScores: true }) as unknown as tf.Tensor[];
      const reference = referenceDenseAttention(arrays(q), arrays(v), arrays(k), dotScore(0.7));
      expectArraysClose(output, reference.output.flat(2), 1e-5);
      expectArraysClose(weights, reference.weights.flat(2), 1e-5);
      expect(weights.shape).toEqual([2, 3, 5]);
      tf.dispose([withValueAsKey, output, weights]);
    });
    tf.dispose([q, v, k, scale]);
  });

  it('computes concat scores with concat_score_weight and scale', () => {
    const [q, v] = [sequences(2, 3, 4, 4), sequences(2, 2, 4, 5)];
    const layer = attention({ scoreMode: 'concat', useScale: true });
    layer.apply([q, v]).dispose();
    expect(layer.weights.map((w) => w.name)).toEqual(['scale', 'concat_score_weight']);
    const values = [tf.scalar(0.5), tf.scalar(1.5)];
    layer.setWeights(values);
    const output = layer.apply([q, v]);
    expectArraysClose(output, referenceDenseAttention(arrays(q), arrays(v), arrays(v), concatScore(0.5, 1.5)).output.flat(2), 1e-5);
    tf.dispose([q, v, output, ...values]);
  });

  it('applies query and value masks, the causal mask, and keeps the query mask', async () => {
    const [q, v] = [sequences(2, 4, 3, 6), sequences(2, 4, 3, 7)];
    const queryMask = [[true, true, false, true], [true, false, true, true]];
    const valueMask = [[true, false, true, true], [false, true, true, false]];
    const [qm, vm] = [tf.tensor2d(queryMask, undefined, 'bool'), tf.tensor2d(valueMask, undefined, 'bool')];
    const layer = attention();
    await expectNoLeakedTensors(() => {
      const masked = layer.apply([q, v], { mask: [qm, vm] });
      expectArraysClose(masked, referenceDenseAttention(arrays(q), arrays(v), arrays(v), dotScore(), { queryMask, valueMask }).output.flat(2), 1e-5);
      expect(getMask(masked)).toBe(qm);
      const causal = layer.apply([q, v], { mask: [qm, vm], useCausalMask: true });
      expectArraysClose(causal, referenceDenseAttention(arrays(q), arrays(v), arrays(v), dotScore(), { queryMask, valueMask, causal: true }).output.flat(2), 1e-5);
      const causalOnly = layer.apply([q, v], { useCausalMask: true });
      expectArraysClose(causalOnly, referenceDenseAttention(arrays(q), arrays(v), arrays(v), dotScore(), { causal: true }).output.flat(2), 1e-5);
      tf.dispose([masked, causal, causalOnly]);
    });
    // Masks found on the inputs (Keras masking), as an Embedding with maskZero leaves them.
    setMask(q, qm);
    setMask(v, vm);
    const found = layer.apply([q, v]);
    expectArraysClose(found, referenceDenseAttention(arrays(q), arrays(v), arrays(v), dotScore(), { queryMask, valueMask }).output.flat(2), 1e-5);
    // tf.keras 2.x's causal flag means a causal mask on every call.
    const legacy = deserializeLayer({ class_name: 'Attention', config: { name: 'legacy', causal: true, use_scale: false, dropout: 0 } });
    setMask(q, undefined);
    setMask(v, undefined);
    const legacyOutput = legacy.apply([q, v]);
    expectArraysClose(legacyOutput, referenceDenseAttention(arrays(q), arrays(v), arrays(v), dotScore(), { causal: true }).output.flat(2), 1e-5);
    tf.dispose([q, v, qm, vm, found, legacyOutput]);
  });

  it('drops attention weights only in training, scaling the kept ones', () => {
    const [q, v] = [sequences(1, 6, 4, 8), tf.ones([1, 6, 4])];
    const layer = attention({ dropout: 0.5, seed: 3 });
    const [inference, weights] = layer.apply([q, v], { returnAttentionScores: true }) as unknown as tf.Tensor[];
    // With all-ones values the output is the sum of the weights: 1 without dropout.
    expectArraysClose(inference, new Float32Array(24).fill(1), 1e-5);
    const [training, dropped] = layer.apply([q, v], { training: true, returnAttentionScores: true }) as unknown as tf.Tensor[];
    const kept = weights.dataSync();
    const droppedValues = dropped.dataSync();
    expect(droppedValues.some((x) => x === 0)).toBe(true);
    droppedValues.forEach((x, i) => expect(x === 0 || Math.abs(x - 2 * kept[i]) < 1e-5).toBe(true));
    expect(training.dataSync().some((x) => Math.abs(x - 1) > 1e-3)).toBe(true);
    tf.dispose([q, v, inference, weights, training, dropped]);
  });

  it('has gradients equal to the reference computation written in tf ops', async () => {
    const [q, v] = [sequences(2, 3, 4, 9), sequences(2, 5, 4, 10)];
    const layer = attention({ useScale: true });
    layer.apply([q, v]).dispose();
    const scaleValue = tf.scalar(0.8);
    layer.setWeights([scaleValue]);
    const projection = sequences(2, 3, 4, 11);
    const reference = (query: tf.Tensor, value: tf.Tensor, scale: tf.Tensor) =>
      tf.sum(tf.mul(tf.matMul(tf.softmax(tf.mul(tf.matMul(query, value, false, true), scale)), value), projection)) as tf.Scalar;
    await expectNoLeakedTensors(() => {
      const expected = tf.grads(reference)([q, v, scaleValue]);
      const inputs = tf.grads((query: tf.Tensor, value: tf.Tensor) => tf.sum(tf.mul(layer.apply([query, value]), projection)) as tf.Scalar)([q, v]);
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply([q, v]), projection)) as tf.Scalar, [layer.scale!.read()]);
      expectArraysClose(inputs[0], expected[0], 1e-4);
      expectArraysClose(inputs[1], expected[1], 1e-4);
      expectArraysClose(grads[layer.scale!.read().name], expected[2], 1e-4);
      tf.dispose([...expected, ...inputs, value, ...Object.values(grads)]);
    });
    tf.dispose([q, v, scaleValue, projection]);
  });

  it('has symbolic output shapes, with the scores when asked', () => {
    const q = input({ shape: [3, 4] });
    const v = input({ shape: [5, 6] });
    const k = input({ shape: [5, 4] });
    expect(attention().apply([q, v, k]).shape).toEqual([null, 3, 6]);
    const both = attention().apply([q, v, k], { returnAttentionScores: true }) as unknown as Array<{ shape: unknown }>;
    expect(both.map((s) => s.shape)).toEqual([[null, 3, 6], [null, 3, 5]]);
  });

  it('names the layer for bad options and inputs', () => {
    const q = input({ shape: [3, 4] });
    const v = input({ shape: [5, 3] });
    expect(() => attention({ name: 'a1' }).apply(q)).toThrow('Expected a list of 2 or 3 inputs [query, value] or [query, value, key] in layer "a1", received one input of shape [null, 3, 4]');
    expect(() => attention({ name: 'a2' }).apply([q, v])).toThrow('Expected query and key to have the same number of features in layer "a2", received 4 and 3');
    expect(() => attention({ name: 'a3', scoreMode: 'sum' as never })).toThrow('Expected scoreMode to be one of dot, concat, received "sum" in layer "a3"');
    expect(() => attention({ name: 'a4', dropout: 1 })).toThrow('Expected dropout to be a number in [0, 1), received 1 in layer "a4"');
    expect(() => attention({ scaleMode: 'dot' } as never)).toThrow('Unknown option "scaleMode" in layer Attention: did you mean "scoreMode"?');
  });

  it('writes Keras 3 config keys and reads tf.keras 2.x ones', () => {
    const layer = attention({ name: 'att', useScale: true, scoreMode: 'concat', dropout: 0.1 });
    expect(serializeLayer(layer)).toEqual({ class_name: 'Attention', config: { name: 'att', trainable: true, dtype: 'float32', use_scale: true, score_mode: 'concat', dropout: 0.1 } });
    const rebuilt = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer)))) as Attention;
    expect([rebuilt.useScale, rebuilt.scoreMode, rebuilt.dropout]).toEqual([true, 'concat', 0.1]);
    // tf.keras 2.4 wrote no score_mode; Keras 3 files may carry keys of other versions.
    const old = deserializeLayer({ class_name: 'Attention', config: { name: 'old', trainable: true, dtype: 'float32', use_scale: false, causal: false, dropout: 0.0 } }) as Attention;
    expect([old.scoreMode, old.causal]).toEqual(['dot', false]);
  });
});
