import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLossGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { setMask } from '../engine/masking';
import { BatchNormalization, batchNormalization } from './batch-normalization';
import { deserializeLayer } from '../engine/layer-registry';

afterEach(() => resetUniqueNames());

/** Columns of a row-major [rows, columns] array. */
const columns = (rows: number[][]) => rows[0].map((_, j) => rows.map((row) => row[j]));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const variance = (values: number[]) => mean(values.map((v) => (v - mean(values)) ** 2));

describeEachBackend('BatchNormalization', () => {
  it.each([
    ['default', () => batchNormalization(), [4, 3], [[3], [3], [3], [3]], 2, true],
    ['axis 1, no scale', () => batchNormalization({ axis: 1, scale: false }), [4, 2, 3], [[2], [2], [2]], 1, false],
    ['no center, no scale', () => batchNormalization({ center: false, scale: false }), [4, 3], [[3], [3]], 0, false],
    ['rank 4, regularized and constrained', () => batchNormalization({ gammaRegularizer: 'l2', betaConstraint: 'non_neg', momentum: 0.5 }), [2, 3, 3, 2], [[2], [2], [2], [2]], 2, true],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, shape, weights, trainable, changes) => {
    await runLayerTest({
      makeLayer,
      inputShape: [...shape],
      expectedOutputShape: [...shape],
      expectedWeightShapes: weights.map((w) => [...w]),
      expectedTrainableCount: trainable,
      expectTrainingChangesWeights: changes,
    });
  });

  it('normalizes with the batch statistics in training, updates the moving ones, and uses them in inference', async () => {
    const rows = [[1, 10], [3, 30], [5, 20]];
    const [gamma, beta, movingMean, movingVariance] = [[2, 0.5], [1, -1], [0.5, 4], [2, 50]];
    const [momentum, epsilon] = [0.9, 1e-3];
    const layer = batchNormalization({ momentum, epsilon });
    layer.build([3, 2]);
    layer.setWeights([gamma, beta, movingMean, movingVariance].map((values) => tf.tensor1d(values)));
    const x = tf.tensor2d(rows);
    const normalize = (means: number[], variances: number[]) =>
      rows.flatMap((row) => row.map((v, j) => (gamma[j] * (v - means[j])) / Math.sqrt(variances[j] + epsilon) + beta[j]));

    const before = layer.apply(x, { training: false });
    expectArraysClose(before, normalize(movingMean, movingVariance), 1e-5);
    const batchMeans = columns(rows).map(mean);
    const batchVariances = columns(rows).map(variance);
    await expectNoLeakedTensors(() => {
      const trained = layer.apply(x, { training: true });
      expectArraysClose(trained, normalize(batchMeans, batchVariances), 1e-5);
      trained.dispose();
    });
    const newMean = movingMean.map((m, j) => m * momentum + batchMeans[j] * (1 - momentum));
    const newVariance = movingVariance.map((v, j) => v * momentum + batchVariances[j] * (1 - momentum));
    expectArraysClose(layer.movingMean!.read(), newMean, 1e-5);
    expectArraysClose(layer.movingVariance!.read(), newVariance, 1e-5);
    const after = layer.apply(x, { training: false });
    expectArraysClose(after, normalize(newMean, newVariance), 1e-5);

    // Frozen (Keras 3): inference mode even in training, and no update.
    layer.trainable = false;
    const frozen = layer.apply(x, { training: true });
    expectArraysClose(frozen, after, 1e-6);
    expectArraysClose(layer.movingMean!.read(), newMean, 1e-6);
    expect(layer.nonTrainableWeights.map((w) => w.name)).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);
    layer.trainable = true;
    expect(layer.nonTrainableWeights.map((w) => w.name)).toEqual(['moving_mean', 'moving_variance']);
    tf.dispose([x, before, after, frozen]);
    layer.dispose();
  });

  it('normalizes along axis 1 of channels-first inputs', () => {
    const values = Array.from(seededArray(2 * 2 * 3, 3));
    const x = tf.tensor3d(values, [2, 2, 3]);
    const layer = batchNormalization({ axis: 1, epsilon: 1e-3 });
    const y = layer.apply(x, { training: true });
    const channel = (c: number) => [0, 1].flatMap((b) => values.slice(b * 6 + c * 3, b * 6 + c * 3 + 3));
    const expected = [0, 1].flatMap((b) => [0, 1].flatMap((c) => values.slice(b * 6 + c * 3, b * 6 + c * 3 + 3).map((v) => (v - mean(channel(c))) / Math.sqrt(variance(channel(c)) + 1e-3))));
    expectArraysClose(y, expected, 1e-5);
    tf.dispose([x, y]);
    layer.dispose();
  });

  it('reads axis written as a one-entry list ([1], as tf.keras 2.x files hold it) as that axis', () => {
    const x = tf.tensor3d(seededArray(2 * 2 * 3, 3), [2, 2, 3]);
    const asInt = batchNormalization({ axis: 1 });
    const asList = deserializeLayer({ class_name: 'BatchNormalization', config: { axis: [1], name: 'bn_list' } }) as BatchNormalization;
    expect(asList.axis).toBe(1);
    expect(asList.getConfig().axis).toBe(1);
    const [a, b] = [asInt.apply(x, { training: true }), asList.apply(x, { training: true })];
    expectArraysClose(b, a, 1e-6);
    expect(() => batchNormalization({ axis: [1, 2], name: 'bn_two' })).toThrow('Expected axis to be an integer or a list of one integer, received [1,2] in layer "bn_two"');
    tf.dispose([x, a, b]);
    asInt.dispose();
    asList.dispose();
  });

  it('leaves masked timesteps out of the batch statistics', () => {
    const x = tf.tensor3d([[[1], [3], [100]]]);
    const mask = tf.tensor2d([[1, 1, 0]], [1, 3], 'bool');
    setMask(x, mask);
    const layer = batchNormalization({ momentum: 0 });
    const y = layer.apply(x, { training: true });
    expectArraysClose(layer.movingMean!.read(), [2], 1e-5);
    expectArraysClose(layer.movingVariance!.read(), [1], 1e-5);
    expectArraysClose(Array.from(y.dataSync()).slice(0, 2), [-1 / Math.sqrt(1.001), 1 / Math.sqrt(1.001)], 1e-5);
    tf.dispose([x, mask, y]);
    layer.dispose();
  });

  it('gives training-mode gradients (through the batch statistics) that finite differences give', () => {
    const layer = batchNormalization();
    layer.build([4, 3]);
    layer.setWeights([tf.tensor1d([1.5, 0.7, -0.4]), tf.tensor1d([0.1, -0.2, 0.3]), tf.zeros([3]), tf.ones([3])]);
    const x = tf.variable(tf.tensor2d(seededArray(12, 4, -2, 2), [4, 3]));
    const projection = tf.tensor2d(seededArray(12, 5), [4, 3]);
    const loss = () => tf.sum(tf.mul(layer.apply(x, { training: true }), projection)) as tf.Scalar;
    expectLossGradientsMatchFiniteDifferences(loss, [x, layer.gamma!.read(), layer.beta!.read()]);
    tf.dispose([x, projection]);
    layer.dispose();
  });

  it("keeps masked entries out of each feature's statistics on a feature axis that is not the last (Keras's _masked_moments by hand)", () => {
    // x is [batch 2, features 2 (axis 1), steps 2]; the mask ([batch, features]) weighs x[b, c, :].
    const x = [[[1, 2], [3, 5]], [[4, 8], [6, 100]]];
    const w = [[1, 1], [1, 0]];
    const counts = [0, 1].map((c) => w[0][c] + w[1][c] + 1e-7);
    const means = [0, 1].map((c) => [0, 1].reduce((t, b) => t + w[b][c] * (x[b][c][0] + x[b][c][1]), 0) / counts[c]);
    const variances = [0, 1].map((c) => [0, 1].reduce((t, b) => t + w[b][c] * [0, 1].reduce((u, k) => u + (w[b][c] * x[b][c][k] - means[c]) ** 2, 0), 0) / counts[c]);
    const input = tf.tensor3d(x);
    const mask = tf.tensor2d(w, [2, 2], 'bool');
    setMask(input, mask);
    const layer = batchNormalization({ axis: 1, momentum: 0 });
    tf.dispose(layer.apply(input, { training: true }));
    expectArraysClose(layer.movingMean!.read(), means, 1e-4);
    expectArraysClose(layer.movingVariance!.read(), variances, 1e-4);
    tf.dispose([input, mask]);
    layer.dispose();
  });

  it("loads tf.keras's BatchNormalizationV1 and V2 class names", () => {
    for (const className of ['BatchNormalizationV1', 'BatchNormalizationV2']) {
      expect(deserializeLayer({ class_name: className, config: { name: className } })).toBeInstanceOf(BatchNormalization);
    }
  });

  it('passes a mask through, as Keras (supports_masking)', () => {
    const layer = batchNormalization();
    const [x, mask] = [tf.ones([2, 3]), tf.tensor1d([1, 0], 'bool')];
    expect(layer.computeMask(x, mask)).toBe(mask);
    tf.dispose([x, mask]);
  });

  it('takes momentum at both ends of [0, 1]: 0 keeps the batch statistics, 1 the moving ones', () => {
    const x = tf.tensor2d([[1], [3]]);
    const [fresh, frozen] = [batchNormalization({ momentum: 0 }), batchNormalization({ momentum: 1 })];
    tf.dispose([fresh.apply(x, { training: true }), frozen.apply(x, { training: true })]);
    expectArraysClose(fresh.movingMean!.read(), [2], 1e-6);
    expectArraysClose(fresh.movingVariance!.read(), [1], 1e-6);
    expectArraysClose(frozen.movingMean!.read(), [0], 1e-6);
    expectArraysClose(frozen.movingVariance!.read(), [1], 1e-6);
    tf.dispose(x);
    fresh.dispose();
    frozen.dispose();
  });

  it('checks the type and range of its numbers, and names the argument of a bad identifier', () => {
    expect(() => batchNormalization({ momentum: -0.1, name: 'bn_low' })).toThrow(new RangeError('Expected momentum to be a number in [0, 1], received -0.1 in layer "bn_low"'));
    expect(() => batchNormalization({ momentum: '0.9' as never, name: 'bn_text' })).toThrow(new TypeError('Expected momentum to be a number in [0, 1], received "0.9" in layer "bn_text"'));
    expect(() => batchNormalization({ epsilon: -1, name: 'bn_eps' })).toThrow(new RangeError('Expected epsilon to be a number > 0, received -1 in layer "bn_eps"'));
    expect(() => batchNormalization({ epsilon: '0.1' as never, name: 'bn_eps_text' })).toThrow(new TypeError('Expected epsilon to be a number > 0, received "0.1" in layer "bn_eps_text"'));
    expect(() => batchNormalization({ axis: 1.5, name: 'bn_axis' })).toThrow('Expected axis to be an integer or a list of one integer, received 1.5 in layer "bn_axis"');
    expect(() => batchNormalization({ betaInitializer: 'zeroes', name: 'bn_beta' })).toThrow(/Unknown initializer "zeroes".*, for betaInitializer in layer "bn_beta"$/);
    expect(() => batchNormalization({ gammaInitializer: 'onez', name: 'bn_gamma' })).toThrow(/Unknown initializer "onez".*, for gammaInitializer in layer "bn_gamma"$/);
    expect(() => batchNormalization({ movingMeanInitializer: 'zeroes' })).toThrow(/Unknown initializer "zeroes"/);
    expect(() => batchNormalization({ movingVarianceInitializer: 'onez' })).toThrow(/Unknown initializer "onez"/);
    expect(() => batchNormalization({ synchronized: false })).not.toThrow();
    expect(() => batchNormalization({ name: 'bn_unknown' }).build([2, null])).toThrow('Expected axis -1 of the input to be known in layer "bn_unknown", received [2, null]');
    const layer = batchNormalization({ name: 'bn_mask' });
    const [x, mask] = [tf.ones([2, 3]), tf.ones([2, 3], 'bool')];
    expect(() => layer.call(x, { mask })).toThrow('Expected a mask of rank 1 (one less than the inputs) in layer "bn_mask", received shape [2, 3]');
    tf.dispose([x, mask]);
  });

  it('rejects bad arguments and inputs, naming the layer', () => {
    expect(() => batchNormalization({ momentum: 2 })).toThrow('Expected momentum to be a number in [0, 1], received 2 in layer "batch_normalization"');
    expect(() => batchNormalization({ epsilon: 0 })).toThrow('Expected epsilon to be a number > 0, received 0 in layer "batch_normalization_1"');
    expect(() => batchNormalization({ momentum: Number.NaN, name: 'bn_nan' })).toThrow('Expected momentum to be a number in [0, 1], received NaN in layer "bn_nan"');
    expect(() => batchNormalization({ synchronized: true })).toThrow('Expected synchronized to be false (statistics of one device), received true in layer "batch_normalization_2"');
    expect(() => batchNormalization({ gammaInitializer: 'onez' })).toThrow(/Unknown initializer "onez"/);
    const layer = batchNormalization({ axis: 5, name: 'bn' });
    const x = tf.ones([2, 3]);
    expect(() => layer.apply(x)).toThrow('Expected axis to be an axis of a rank-2 input, in [-2, 1], received 5 in layer "bn"');
    const built = batchNormalization({ name: 'bn_1' });
    tf.dispose(built.apply(x));
    const wide = tf.ones([2, 4]);
    expect(() => built.apply(wide)).toThrow('Expected axis -1 of the input to have size 3, received shape [2, 4] in layer "bn_1"');
    tf.dispose([x, wide]);
    built.dispose();
  });
});
