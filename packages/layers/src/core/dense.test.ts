import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { isSoftmaxOutput } from '@dendrite/backend/internal';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { dense } from './dense';

afterEach(() => resetUniqueNames());

describeEachBackend('Dense', () => {
  it.each([
    { units: 4, activation: 'relu' },
    { units: 3, activation: 'tanh', useBias: false },
    { units: 2, activation: 'softmax', kernelRegularizer: 'l2', activityRegularizer: 'l1' },
    { units: 1, kernelConstraint: 'max_norm', kernelInitializer: 'he_normal' },
  ] as const)('passes runLayerTest with %j', async (args) => {
    await runLayerTest({
      makeLayer: () => dense(args as never),
      inputShape: [5, 6],
      expectedOutputShape: [5, args.units],
      expectedWeightShapes: 'useBias' in args ? [[6, args.units]] : [[6, args.units], [args.units]],
    });
  });

  it('marks a softmax output, so that crossentropies may skip renormalizing it', () => {
    const x = tf.ones([2, 3]);
    const softmaxOutput = dense({ units: 4, activation: 'softmax' }).apply(x) as tf.Tensor;
    const reluOutput = dense({ units: 4, activation: 'relu' }).apply(x) as tf.Tensor;
    expect(isSoftmaxOutput(softmaxOutput)).toBe(true);
    expect(isSoftmaxOutput(reluOutput)).toBe(false);
    tf.dispose([x, softmaxOutput, reluOutput]);
  });

  it('applies to the last axis of rank-3 inputs', async () => {
    await runLayerTest({ makeLayer: () => dense({ units: 3 }), inputShape: [2, 4, 5], expectedOutputShape: [2, 4, 3], expectedWeightShapes: [[5, 3], [3]] });
  });

  it('computes activation(x·W + b) as hand computed', async () => {
    const layer = dense({ units: 2, activation: 'relu', kernelInitializer: 'ones', biasInitializer: { class_name: 'Constant', config: { value: -4 } } });
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    layer.build([2, 2]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x) as tf.Tensor;
      expectArraysClose(y, [0, 0, 3, 3]); // rows sum to 3 and 7, minus 4, relu
      y.dispose();
    });
    x.dispose();
    layer.dispose();
  });

  // Keras's formulas by hand, on values where the bias moves every activation's output.
  const X = [[1, -2, 0.5], [0.2, 0.4, -1], [4, -4, -3], [14, 0, 0]];
  const KERNEL = [[0.5, -1], [0.25, 0.5], [-1, 2]];
  const BIAS = [0.3, -0.7];
  const PRE_ACTIVATION = X.map((row) => BIAS.map((b, j) => row.reduce((total, x, i) => total + x * KERNEL[i][j], b)));
  const BY_HAND: Record<string, (z: number) => number> = {
    sigmoid: (z) => 1 / (1 + Math.exp(-z)),
    elu: (z) => (z > 0 ? z : Math.exp(z) - 1),
    relu6: (z) => Math.min(Math.max(z, 0), 6),
    leaky_relu: (z) => (z > 0 ? z : 0.2 * z), // Keras 3's negative_slope
  };
  it('gives x·W + b unclipped without an activation (no relu on the linear path)', () => {
    const layer = dense({ units: 2 });
    layer.build([null, 3]);
    const weights = [tf.tensor2d(KERNEL), tf.tensor1d(BIAS)];
    layer.setWeights(weights);
    const x = tf.tensor2d(X);
    const y = layer.apply(x) as tf.Tensor;
    expectArraysClose(y, PRE_ACTIVATION.flat(), 1e-5);
    tf.dispose([x, y, ...weights]);
    layer.dispose();
  });

  it.each(Object.keys(BY_HAND))('adds the bias before a fused %s, as hand computed', async (activation) => {
    const layer = dense({ units: 2, activation: activation as 'sigmoid' });
    layer.build([null, 3]);
    const weights = [tf.tensor2d(KERNEL), tf.tensor1d(BIAS)];
    layer.setWeights(weights);
    const x = tf.tensor2d(X);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x) as tf.Tensor;
      expectArraysClose(y, PRE_ACTIVATION.flat().map(BY_HAND[activation]), 1e-5);
      y.dispose();
    });
    tf.dispose([x, ...weights]);
    layer.dispose();
  });

  it.each(['relu', 'linear'] as const)('trains Dense(%s) with one fused product a step: no separate Relu or bias Add under a gradient tape, no gradient for the input', async (activation) => {
    const layer = dense({ units: 2, activation });
    layer.build([null, 3]);
    const x = tf.tensor2d(X);
    // tf.fused.matMul unfuses a relu while a tape records (MatMul, Add, Relu); Dense keeps one kernel.
    const profile = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(() => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar);
      tf.dispose([value, ...Object.values(grads)]);
    });
    const forward = profile.kernelNames.filter((name) => ['_FusedMatMul', 'MatMul', 'BatchMatMul', 'Relu', 'Add', 'BiasAdd'].includes(name));
    expect(forward[0]).toBe('_FusedMatMul');
    expect(profile.kernelNames).not.toContain('Relu');
    expect(profile.kernelNames).not.toContain('BiasAdd');
    // The input of a first layer gets no gradient: one product in the backward pass, the kernel's
    // (tf.fused.matMul's gradient computes the input's too, even for 'linear').
    expect(profile.kernels.filter((kernel) => ['MatMul', 'BatchMatMul'].includes(kernel.name))).toHaveLength(1);
    x.dispose();
    layer.dispose();
  });

  it("writes Keras's Dense config: its defaults, and what was given", () => {
    const plain = dense(3).getConfig();
    expect(plain).toMatchObject({ units: 3, activation: 'linear', use_bias: true, kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null });
    expect([(plain.kernel_initializer as { class_name: string }).class_name, (plain.bias_initializer as { class_name: string }).class_name]).toEqual(['GlorotUniform', 'Zeros']);
    const given = dense(2, { activation: 'tanh', useBias: false, kernelRegularizer: 'l2', biasConstraint: 'non_neg', activityRegularizer: 'l1' });
    expect(given.units).toBe(2);
    expect(given.getConfig()).toMatchObject({ activation: 'tanh', use_bias: false, kernel_regularizer: { class_name: 'L2' }, bias_constraint: { class_name: 'NonNeg' }, activity_regularizer: { class_name: 'L1' } });
    expect(given.activityRegularizer).toBeDefined();
    expect(dense(2).activityRegularizer).toBeUndefined();
  });

  it('rejects bad arguments and inputs, naming the layer', () => {
    expect(() => dense({ units: 2 ** 30 + 1, name: 'huge' })).toThrow(new RangeError('Expected units to be an integer in [1, 1073741824], received 1073741825 in layer "huge"'));
    expect(() => dense({ units: 2 ** 30, name: 'big' })).not.toThrow();
    expect(() => dense(3, 4 as never)).toThrow(/options of layer Dense/);
    const fresh = dense({ units: 2, name: 'flat' });
    expect(() => fresh.apply(tf.ones([4]))).toThrow('Expected inputShape of rank ≥ 2, received [4] in layer "flat"');
    fresh.build([null, 3]);
    expect(fresh.weights.map((weight) => weight.name)).toEqual(['kernel', 'bias']);
    expect(() => dense({ units: 2, name: 'open' }).build([4, null])).toThrow('Expected the last axis of the input to be known in layer "open", received null');
    expect(() => dense({ units: 2, kernelInitializer: 'glorot', name: 'd3' })).toThrow(/, for kernelInitializer in layer "d3"$/);
    expect(() => dense({ units: 2, biasInitializer: 'zeroes', name: 'd4' })).toThrow(/, for biasInitializer in layer "d4"$/);
    expect(() => dense({ units: 0 })).toThrow('Expected units to be an integer ≥ 1, received 0 in layer "dense"');
    expect(() => dense({ units: 2, activation: 'relux' as never })).toThrow(/Unknown activation "relux"/);
    expect(() => dense({ units: 2, kernelInitializer: 'glorot' })).toThrow(/Unknown initializer "glorot"/);
    // Identifiers are resolved at construction and their errors name the argument and the layer.
    expect(() => dense({ units: 2, activation: 'relux' as never, name: 'd1' })).toThrow(/Unknown activation "relux".*, for activation in layer "d1"$/);
    expect(() => dense({ units: 2, biasRegularizer: 'l3' as never, name: 'd2' })).toThrow(/, for biasRegularizer in layer "d2"$/);
    const layer = dense({ units: 2, name: 'dense_1' });
    tf.dispose(layer.apply(tf.ones([1, 4])));
    expect(() => layer.apply(tf.ones([1, 5]))).toThrow('Expected axis -1 of the input to have size 4, received shape [1, 5] in layer "dense_1"');
    expect(() => layer.apply(tf.ones([4]))).toThrow('Expected inputShape of rank ≥ 2, received [4] in layer "dense_1"');
    layer.dispose();
  });
});
