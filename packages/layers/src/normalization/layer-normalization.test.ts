import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { layerNormalization } from './layer-normalization';

afterEach(() => resetUniqueNames());

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const variance = (values: number[]) => mean(values.map((v) => (v - mean(values)) ** 2));

describeEachBackend('LayerNormalization', () => {
  it.each([
    ['default', () => layerNormalization(), [4, 5], [[5], [5]], true],
    ['axes 1 and 2', () => layerNormalization({ axis: [1, 2] }), [2, 3, 4], [[3, 4], [3, 4]], true],
    ['no center', () => layerNormalization({ center: false, gammaRegularizer: 'l2' }), [4, 5], [[5]], true],
    ['no center, no scale', () => layerNormalization({ center: false, scale: false }), [4, 5], [], false],
    ['rms scaling', () => layerNormalization({ rmsScaling: true }), [2, 3, 4], [[4]], true],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, shape, weights, changes) => {
    await runLayerTest({ makeLayer, inputShape: [...shape], expectedOutputShape: [...shape], expectedWeightShapes: weights.map((w) => [...w]), expectTrainingChangesWeights: changes });
  });

  it('normalizes each sample with its own statistics, then scales and shifts', async () => {
    const rows = [Array.from(seededArray(4, 1, -3, 3)), Array.from(seededArray(4, 2, 0, 10))];
    const [gamma, beta, epsilon] = [[1, 2, 0.5, -1], [0, 0.1, -0.2, 0.3], 1e-3];
    const layer = layerNormalization({ epsilon });
    layer.build([2, 4]);
    layer.setWeights([tf.tensor1d(gamma), tf.tensor1d(beta)]);
    const x = tf.tensor2d(rows);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      const expected = rows.flatMap((row) => row.map((v, j) => (gamma[j] * (v - mean(row))) / Math.sqrt(variance(row) + epsilon) + beta[j]));
      expectArraysClose(y, expected, 1e-5);
      y.dispose();
    });
    x.dispose();
    layer.dispose();
  });

  it('normalizes over several axes', () => {
    const values = Array.from(seededArray(2 * 2 * 3, 7));
    const x = tf.tensor3d(values, [2, 2, 3]);
    const y = layerNormalization({ axis: [1, 2], epsilon: 0 }).apply(x);
    const expected = [0, 1].flatMap((b) => {
      const sample = values.slice(b * 6, b * 6 + 6);
      return sample.map((v) => (v - mean(sample)) / Math.sqrt(variance(sample)));
    });
    expectArraysClose(y, expected, 1e-4);
    tf.dispose([x, y]);
  });

  it('scales by γ/√(σ² + ε) without centering under rmsScaling (Keras 3: inputs · rsqrt(var + ε) · γ)', () => {
    // Rows [1, 3] and [2, 6]: variances 1 and 4, so x/σ is [1, 3] and [1, 3]; γ = [2, 0.5].
    const layer = layerNormalization({ rmsScaling: true, epsilon: 0 });
    layer.build([2, 2]);
    layer.setWeights([tf.tensor1d([2, 0.5])]);
    const x = tf.tensor2d([[1, 3], [2, 6]]);
    const y = layer.apply(x);
    expectArraysClose(y, [2, 1.5, 2, 1.5], 1e-5);
    tf.dispose([x, y]);
    layer.dispose();
  });

  it('sizes γ and β by the normalized axes in increasing order, each once, named as Keras names them', () => {
    const layer = layerNormalization({ axis: [2, 1, -1] });
    layer.build([null, 3, 4]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['gamma', [3, 4]], ['beta', [3, 4]]]);
    const x = tf.tensor3d(seededArray(2 * 3 * 4, 11), [2, 3, 4]);
    const reference = layerNormalization({ axis: [1, 2] });
    const [y, expected] = [layer.apply(x), reference.apply(x)];
    expectArraysClose(y, expected, 1e-5);
    tf.dispose([x, y, expected]);
    layer.dispose();
    reference.dispose();
  });

  it('passes a mask through, as Keras (supports_masking)', () => {
    const layer = layerNormalization();
    const [x, mask] = [tf.ones([2, 3]), tf.tensor1d([1, 0], 'bool')];
    expect(layer.computeMask(x, mask)).toBe(mask);
    tf.dispose([x, mask]);
  });

  it('rejects bad arguments and inputs, naming the layer', () => {
    expect(() => layerNormalization({ axis: [], name: 'ln_empty' })).toThrow('Expected axis to be an integer or a non-empty list of integers, received [] in layer "ln_empty"');
    expect(() => layerNormalization({ axis: [-1, 0.5], name: 'ln_half' })).toThrow('Expected axis to be an integer or a non-empty list of integers, received [-1,0.5] in layer "ln_half"');
    expect(() => layerNormalization({ epsilon: -1, name: 'ln_negative' })).toThrow(RangeError);
    expect(() => layerNormalization({ epsilon: '0.1' as never, name: 'ln_text' })).toThrow(new TypeError('Expected epsilon to be a number ≥ 0, received "0.1" in layer "ln_text"'));
    expect(() => layerNormalization({ betaInitializer: 'zeroes', name: 'ln_beta' })).toThrow(/Unknown initializer "zeroes".*, for betaInitializer in layer "ln_beta"$/);
    expect(() => layerNormalization({ gammaInitializer: 'onez', name: 'ln_gamma' })).toThrow(/Unknown initializer "onez".*, for gammaInitializer in layer "ln_gamma"$/);
    expect(() => layerNormalization({ axis: [1, 2], name: 'ln_unknown' }).build([2, 3, null])).toThrow('Expected the normalized axes [1,2] of the input to be known in layer "ln_unknown", received [2, 3, null]');
    expect(() => layerNormalization({ axis: 1.5 })).toThrow('Expected axis to be an integer or a non-empty list of integers, received 1.5 in layer "layer_normalization"');
    expect(() => layerNormalization({ epsilon: -1 })).toThrow('Expected epsilon to be a number ≥ 0, received -1 in layer "layer_normalization_1"');
    const x = tf.ones([2, 3]);
    expect(() => layerNormalization({ axis: 2, name: 'ln' }).apply(x)).toThrow('Expected axis to be an axis of a rank-2 input, in [-2, 1], received 2 in layer "ln"');
    x.dispose();
  });
});
