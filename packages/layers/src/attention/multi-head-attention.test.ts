import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { getMask, setMask } from '../engine/masking';
import { MultiHeadAttention, multiHeadAttention } from './multi-head-attention';

afterEach(() => resetUniqueNames());

const random = (shape: number[], seed: number) => tf.tensor(seededArray(tf.util.sizeFromShape(shape), seed), shape);

/** Sets every weight of a built layer to seeded values (biases too, so that they count). */
function randomizeWeights(layer: MultiHeadAttention): tf.Tensor[] {
  const values = layer.weights.map((weight, index) => random(weight.shape, 50 + index));
  layer.setWeights(values);
  return values;
}

/**
 * Multi-head attention of sequences written head by head with plain tf ops (slices of the kernels,
 * one matMul per projection), independent of the layer's reshapes and permutations.
 */
function referenceMha(query: tf.Tensor, value: tf.Tensor, key: tf.Tensor, weights: tf.Tensor[], mask: tf.Tensor | null): { output: tf.Tensor; scores: tf.Tensor } {
  return tf.tidy(() => referenceMhaInside(query, value, key, weights, mask));
}

function referenceMhaInside(query: tf.Tensor, value: tf.Tensor, key: tf.Tensor, weights: tf.Tensor[], mask: tf.Tensor | null): { output: tf.Tensor; scores: tf.Tensor } {
  const [wq, bq, wk, bk, wv, bv, wo, bo] = weights;
  const [batch, steps] = query.shape;
  const [heads, keyDim] = wq.shape.slice(1);
  const project = (x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor, head: number) => {
    const [inputDim, , size] = kernel.shape as [number, number, number];
    const headKernel = tf.reshape(tf.slice(kernel, [0, head, 0], [inputDim, 1, size]), [inputDim, size]);
    const headBias = tf.reshape(tf.slice(bias, [head, 0], [1, size]), [size]);
    return tf.add(tf.reshape(tf.matMul(tf.reshape(x, [-1, inputDim]), headKernel), [...x.shape.slice(0, 2), size]), headBias);
  };
  let output: tf.Tensor = tf.zeros([batch, steps, wo.shape[2]] as number[]);
  const allScores: tf.Tensor[] = [];
  for (let head = 0; head < heads; head++) {
    const q = project(query, wq, bq, head);
    const k = project(key, wk, bk, head);
    const v = project(value, wv, bv, head);
    let logits = tf.div(tf.matMul(q, k, false, true), Math.sqrt(keyDim));
    if (mask !== null) logits = tf.add(logits, tf.mul(tf.sub(1, tf.cast(mask, 'float32')), -1e9));
    const probabilities = tf.softmax(logits);
    allScores.push(probabilities);
    const headOutput = tf.matMul(probabilities, v);
    const [, valueDim, outDim] = wo.shape as [number, number, number];
    const headKernel = tf.reshape(tf.slice(wo, [head, 0, 0], [1, valueDim, outDim]), [valueDim, outDim]);
    output = tf.add(output, tf.reshape(tf.matMul(tf.reshape(headOutput, [-1, valueDim]), headKernel), [batch, steps, outDim]));
  }
  return { output: tf.add(output, bo), scores: tf.stack(allScores, 1) };
}

describeEachBackend('MultiHeadAttention', () => {
  it.each([
    ['self-attention', { numHeads: 2, keyDim: 3 }, [[2, 4, 5], [2, 4, 5]], [2, 4, 5], [[5, 2, 3], [2, 3], [5, 2, 3], [2, 3], [5, 2, 3], [2, 3], [2, 3, 5], [5]]],
    ['cross, valueDim, outputShape, no bias', { numHeads: 3, keyDim: 2, valueDim: 4, outputShape: 6, useBias: false }, [[2, 4, 5], [2, 3, 7], [2, 3, 8]], [2, 4, 6], [[5, 3, 2], [8, 3, 2], [7, 3, 4], [3, 4, 6]]],
    ['images over two axes', { numHeads: 2, keyDim: 2 }, [[2, 3, 2, 4], [2, 3, 2, 4]], [2, 3, 2, 4], [[4, 2, 2], [2, 2], [4, 2, 2], [2, 2], [4, 2, 2], [2, 2], [2, 2, 4], [4]]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape, weightShapes) => {
    await runLayerTest({
      makeLayer: () => multiHeadAttention({ ...args }),
      inputShape: inputShape.map((shape) => [...shape]),
      expectedOutputShape: [...outputShape],
      expectedWeightShapes: weightShapes.map((shape) => [...shape]),
    });
  });

  it('names and orders its weights as Keras: query, key, value, attention_output', () => {
    const layer = multiHeadAttention({ numHeads: 2, keyDim: 3, name: 'mha' });
    const x = tf.zeros([1, 4, 5]);
    layer.apply([x, x]).dispose();
    expect(layer.weights.map((w) => w.path)).toEqual(['query/kernel', 'query/bias', 'key/kernel', 'key/bias', 'value/kernel', 'value/bias', 'attention_output/kernel', 'attention_output/bias']);
    expect([layer.queryDense, layer.keyDense, layer.valueDense, layer.outputDense].map((sublayer) => sublayer!.name)).toEqual(['query', 'key', 'value', 'attention_output']);
    expect(layer.countParams()).toBe(3 * (5 * 6 + 6) + 2 * 3 * 5 + 5);
    x.dispose();
    layer.dispose();
  });

  it('computes cross-attention, its scores, masks and the causal mask as the per-head reference', async () => {
    const [q, v, k] = [random([2, 4, 5], 1), random([2, 3, 6], 2), random([2, 3, 7], 3)];
    const layer = multiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2 });
    layer.apply([q, v, k]).dispose();
    const weights = randomizeWeights(layer);
    const attentionMask = tf.tensor3d([[[1, 0, 1], [1, 1, 0], [0, 1, 1], [1, 1, 1]], [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 0]]], [2, 4, 3], 'bool');
    const queryMask = tf.tensor2d([[true, true, false, true], [true, true, true, false]], undefined, 'bool');
    const valueMask = tf.tensor2d([[true, false, true], [true, true, true]], undefined, 'bool');
    await expectNoLeakedTensors(() => {
      const plain = referenceMha(q, v, k, weights, null);
      const [output, scores] = layer.apply([q, v, k], { returnAttentionScores: true }) as unknown as tf.Tensor[];
      expectArraysClose(output, plain.output, 1e-4);
      expectArraysClose(scores, plain.scores, 1e-4);
      expect(scores.shape).toEqual([2, 2, 4, 3]);

      const matchesReference = (actual: tf.Tensor, mask: tf.Tensor) => tf.tidy(() => expectArraysClose(actual, referenceMha(q, v, k, weights, mask).output, 1e-4));
      const explicit = layer.apply([q, v, k], { attentionMask });
      matchesReference(explicit, attentionMask);

      const causal = layer.apply([q, v, k], { useCausalMask: true });
      const lower = tf.tidy(() => tf.linalg.bandPart(tf.ones([4, 3]), -1, 0));
      matchesReference(causal, lower);

      // Keras masks of the inputs: query [B, T, 1] & value [B, 1, S], and the output keeps the query's mask.
      const masked = layer.apply([q, v, k], { mask: [queryMask, valueMask, null as never] });
      const joined = tf.tidy(() => tf.logicalAnd(tf.expandDims(queryMask, 2), tf.expandDims(valueMask, 1)));
      matchesReference(masked, joined);
      expect(getMask(masked)).toBe(queryMask);
      tf.dispose([plain.output, plain.scores, output, scores, explicit, causal, lower, masked, joined]);
    });
    setMask(q, queryMask);
    const found = layer.apply([q, v, k], { attentionMask, useCausalMask: true });
    const all = tf.tidy(() => tf.logicalAnd(tf.logicalAnd(tf.cast(attentionMask, 'bool'), tf.expandDims(queryMask, 2)), tf.cast(tf.linalg.bandPart(tf.ones([4, 3]), -1, 0), 'bool')));
    const expected = referenceMha(q, v, k, weights, all);
    expectArraysClose(found, expected.output, 1e-4);
    setMask(q, undefined);
    tf.dispose([q, v, k, ...weights, attentionMask, queryMask, valueMask, found, all, expected.output, expected.scores]);
  });

  it('attends over the given axes: over axis 2 of images, axis 1 is a batch axis', () => {
    const x = random([2, 3, 4, 5], 7);
    const layer = multiHeadAttention({ numHeads: 2, keyDim: 3, attentionAxes: [2] });
    layer.apply([x, x]).dispose();
    const weights = randomizeWeights(layer);
    const [output, scores] = layer.apply([x, x], { returnAttentionScores: true }) as unknown as tf.Tensor[];
    expect(scores.shape).toEqual([2, 3, 2, 4, 4]);
    for (let row = 0; row < 3; row++) {
      const slice = tf.squeeze(tf.slice(x, [0, row, 0, 0], [2, 1, 4, 5]), [1]);
      const expected = referenceMha(slice, slice, slice, weights, null);
      const got = tf.squeeze(tf.slice(output, [0, row, 0, 0], [2, 1, 4, 5]), [1]);
      expectArraysClose(got, expected.output, 1e-4);
      const gotScores = tf.squeeze(tf.slice(scores, [0, row, 0, 0, 0], [2, 1, 2, 4, 4]), [1]);
      expectArraysClose(gotScores, expected.scores, 1e-4);
      tf.dispose([slice, expected.output, expected.scores, got, gotScores]);
    }
    // The default attends over axes 1 and 2 together: the flattened image as one sequence.
    const both = multiHeadAttention({ numHeads: 2, keyDim: 3 });
    both.apply([x, x]).dispose();
    both.setWeights(weights);
    const joint = both.apply([x, x]);
    const flat = tf.reshape(x, [2, 12, 5]);
    const reference = referenceMha(flat, flat, flat, weights, null);
    expectArraysClose(joint, reference.output, 1e-4);
    expect(both.attentionAxes).toEqual([1, 2]);
    tf.dispose([x, output, scores, joint, flat, reference.output, reference.scores, ...weights]);
  });

  it('drops attention weights only in training (scores returned before dropout, as Keras)', () => {
    const x = random([1, 6, 4], 8);
    const layer = multiHeadAttention({ numHeads: 1, keyDim: 4, dropout: 0.5, seed: 1 });
    const inference = layer.apply([x, x]);
    const again = layer.apply([x, x], { training: false });
    expectArraysClose(again, inference, 1e-6);
    const [training, scores] = layer.apply([x, x], { training: true, returnAttentionScores: true }) as unknown as tf.Tensor[];
    expect(training.dataSync().some((value, index) => Math.abs(value - inference.dataSync()[index]) > 1e-4)).toBe(true);
    const sums = tf.sum(scores, -1);
    expectArraysClose(sums, new Float32Array(6).fill(1), 1e-5);
    tf.dispose([x, inference, again, training, scores, sums]);
  });

  it('has gradients equal to those of the per-head reference', async () => {
    const [q, v] = [random([2, 3, 4], 9), random([2, 5, 4], 10)];
    const layer = multiHeadAttention({ numHeads: 2, keyDim: 2 });
    layer.apply([q, v]).dispose();
    const weights = randomizeWeights(layer);
    const projection = random([2, 3, 4], 11);
    const variables = layer.trainableWeights.map((w) => w.read());
    await expectNoLeakedTensors(() => {
      const expected = tf.grads((query: tf.Tensor, value: tf.Tensor, ...kernels: tf.Tensor[]) => tf.sum(tf.mul(referenceMha(query, value, value, kernels, null).output, projection)) as tf.Scalar)([q, v, ...weights]);
      const inputs = tf.grads((query: tf.Tensor, value: tf.Tensor) => tf.sum(tf.mul(layer.apply([query, value]), projection)) as tf.Scalar)([q, v]);
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply([q, v]), projection)) as tf.Scalar, variables);
      expectArraysClose(inputs[0], expected[0], 1e-3);
      expectArraysClose(inputs[1], expected[1], 1e-3);
      variables.forEach((variable, index) => expectArraysClose(grads[variable.name], expected[index + 2], 1e-3));
      tf.dispose([...expected, ...inputs, value, ...Object.values(grads)]);
    });
    tf.dispose([q, v, projection, ...weights]);
  });

  it('has symbolic shapes, with scores when asked, and refuses a tensor mask in a symbolic call', () => {
    const q = input({ shape: [4, 8] });
    const v = input({ shape: [6, 5] });
    const layer = multiHeadAttention({ numHeads: 3, keyDim: 2, name: 'mha' });
    const both = layer.apply([q, v], { returnAttentionScores: true }) as unknown as Array<{ shape: unknown }>;
    expect(both.map((s) => s.shape)).toEqual([[null, 4, 8], [null, 3, 4, 6]]);
    expect(layer.apply([q, v]).shape).toEqual([null, 4, 8]);
    const mask = tf.ones([1, 4, 6]);
    expect(() => layer.apply([q, v], { attentionMask: mask })).toThrow('Expected no attentionMask tensor in a symbolic call of layer "mha"');
    mask.dispose();
  });

  it('names the layer and argument for bad options and inputs', () => {
    const x = input({ shape: [4, 8] });
    const y = input({ shape: [5, 8] });
    expect(() => multiHeadAttention({ numHeads: 0, keyDim: 2, name: 'm1' })).toThrow('Expected numHeads to be an integer ≥ 1, received 0 in layer "m1"');
    expect(() => multiHeadAttention({ numHeads: 1, keyDim: 2, outputShape: 'x' as never, name: 'm2' })).toThrow('Expected outputShape to be an integer or a list of integers, received "x" in layer "m2"');
    expect(() => multiHeadAttention({ numHeads: 1, keyDim: 2, name: 'm3' }).apply(x)).toThrow('Expected a list of 2 or 3 inputs [query, value] or [query, value, key] in layer "m3"');
    expect(() => multiHeadAttention({ numHeads: 1, keyDim: 2, name: 'm4' }).apply([x, x, y])).toThrow('Expected value and key to agree on every axis but the last in layer "m4", received [null, 4, 8] and [null, 5, 8]');
    expect(() => multiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes: [2], name: 'm5' }).apply([x, x])).toThrow('Expected attentionAxes to be distinct axes between batch and features (1…1) in layer "m5", received [2]');
    expect(() => multiHeadAttention({ numHeads: 1, key_dim: 2 } as never)).toThrow('Unknown option "key_dim" in layer MultiHeadAttention: did you mean "keyDim"?');
    expect(() => multiHeadAttention({ numHeads: 1, keyDim: 2, kernelInitializer: 'nope', name: 'm6' })).toThrow('for kernelInitializer in layer "m6"');
  });

  it('writes Keras 3 config keys and loads a tf.keras 2.x config', () => {
    const layer = multiHeadAttention({ name: 'mha', numHeads: 2, keyDim: 4, outputShape: 3, dropout: 0.1, kernelRegularizer: 'l2' });
    const x = tf.zeros([1, 2, 5]);
    layer.apply([x, x]).dispose();
    const { config } = serializeLayer(layer);
    expect(config).toMatchObject({ num_heads: 2, key_dim: 4, value_dim: 4, dropout: 0.1, use_bias: true, output_shape: [3], attention_axes: [1], seed: null });
    expect((config.kernel_initializer as { class_name: string }).class_name).toBe('GlorotUniform');
    expect((config.kernel_regularizer as { class_name: string }).class_name).toBe('L2');
    // As tf.keras 2.11 saved it (query_shape… are dropped: the shapes come from the inputs).
    const legacy = deserializeLayer({
      class_name: 'MultiHeadAttention',
      config: {
        name: 'multi_head_attention', trainable: true, dtype: 'float32', num_heads: 2, key_dim: 4, value_dim: 4, dropout: 0.0, use_bias: true, output_shape: null, attention_axes: [1],
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
        query_shape: [null, 2, 5], key_shape: [null, 2, 5], value_shape: [null, 2, 5],
      },
    }) as MultiHeadAttention;
    const output = legacy.apply([x, x]);
    expect(output.shape).toEqual([1, 2, 5]);
    expect(legacy.weights.map((w) => w.shape)).toEqual([[5, 2, 4], [2, 4], [5, 2, 4], [2, 4], [5, 2, 4], [2, 4], [2, 4, 5], [5]]);
    tf.dispose([x, output]);
  });
});
