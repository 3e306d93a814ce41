import { describe, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, seededArray } from '@dendrite/test-utils';

/**
 * Every op Dendrite's layers, losses and optimizers use, differentiated on wasm and compared with
 * the cpu backend: a kernel that a gradient needs and wasm lacks (or computes wrongly) fails here.
 */
type Case = [name: string, shapes: number[][], f: (...xs: tf.Tensor[]) => tf.Tensor];

const t4 = (x: tf.Tensor) => x as tf.Tensor4D;
const t3 = (x: tf.Tensor) => x as tf.Tensor3D;
const t2 = (x: tf.Tensor) => x as tf.Tensor2D;

const cases: Case[] = [
  ['matMul', [[3, 4], [4, 5]], (a, b) => tf.matMul(a, b)],
  ['matMul transposed', [[4, 3], [5, 4]], (a, b) => tf.matMul(a, b, true, true)],
  ['fused matMul + bias + relu', [[3, 4], [4, 5], [5]], (a, b, c) => tf.fused.matMul({ a: t2(a), b: t2(b), bias: c, activation: 'relu' })],
  ['conv1d', [[2, 9, 3], [3, 3, 4]], (x, f) => tf.conv1d(t3(x), t3(f), 2, 'same')],
  ['conv2d valid stride 2', [[2, 7, 7, 3], [3, 3, 3, 4]], (x, f) => tf.conv2d(t4(x), t4(f), 2, 'valid')],
  ['conv2d same', [[1, 6, 5, 2], [2, 3, 2, 3]], (x, f) => tf.conv2d(t4(x), t4(f), 1, 'same')],
  ['conv2dTranspose', [[1, 4, 4, 3], [3, 3, 2, 3]], (x, f) => tf.conv2dTranspose(t4(x), t4(f), [1, 8, 8, 2], 2, 'same')],
  ['depthwiseConv2d', [[2, 6, 6, 3], [3, 3, 3, 2]], (x, f) => tf.depthwiseConv2d(t4(x), t4(f), 1, 'same')],
  ['separableConv2d', [[1, 6, 6, 2], [3, 3, 2, 2], [1, 1, 4, 3]], (x, d, p) => tf.separableConv2d(t4(x), t4(d), t4(p), 1, 'valid')],
  ['fused conv2d + bias + relu', [[1, 5, 5, 2], [3, 3, 2, 3], [3]], (x, f, b) => tf.fused.conv2d({ x: t4(x), filter: t4(f), strides: 1, pad: 'same', bias: b, activation: 'relu' })],
  ['maxPool', [[2, 6, 6, 2]], (x) => tf.maxPool(t4(x), 2, 2, 'valid')],
  ['avgPool same', [[1, 5, 5, 3]], (x) => tf.avgPool(t4(x), 3, 2, 'same')],
  ['gather (embedding)', [[10, 4]], (x) => tf.gather(x, tf.tensor1d([1, 3, 3, 9], 'int32'))],
  ['relu, relu6, elu, selu, leakyRelu', [[12]], (x) => tf.addN([tf.relu(x), tf.relu6(tf.mul(x, 8)), tf.elu(x), tf.selu(x), tf.leakyRelu(x, 0.2)])],
  ['prelu', [[3, 4], [4]], (x, a) => tf.prelu(x, a)],
  ['sigmoid, tanh, softplus', [[12]], (x) => tf.addN([tf.sigmoid(x), tf.tanh(x), tf.softplus(x)])],
  ['softmax, logSoftmax', [[3, 5]], (x) => tf.add(tf.softmax(x), tf.logSoftmax(x))],
  ['log, exp, sqrt, square, abs', [[10]], (x) => tf.addN([tf.log(tf.add(tf.abs(x), 1)), tf.exp(x), tf.sqrt(tf.add(tf.square(x), 1)), tf.abs(x)])],
  ['clipByValue, maximum, minimum', [[10], [10]], (a, b) => tf.addN([tf.clipByValue(a, -0.5, 0.5), tf.maximum(a, b), tf.minimum(a, b)])],
  ['concat, stack, split', [[2, 3], [2, 3]], (a, b) => tf.add(tf.concat([a, b], 1), tf.concat(tf.split(tf.reshape(tf.stack([a, b], 1), [2, 6]), 2, 1), 1))],
  ['slice, unstack', [[4, 6]], (x) => tf.add(tf.slice(x, [1, 1], [2, 3]), tf.stack(tf.unstack(tf.slice(x, [0, 0], [2, 3]))))],
  ['pad, mirrorPad, tile', [[2, 3]], (x) => tf.add(tf.pad(x, [[1, 1], [2, 2]]), tf.tile(tf.mirrorPad(x, [[1, 1], [2, 2]], 'reflect'), [1, 1]))],
  ['transpose, reshape, expandDims, squeeze, reverse', [[2, 3, 4]], (x) => tf.squeeze(tf.expandDims(tf.reverse(tf.reshape(tf.transpose(x, [2, 0, 1]), [4, 6]), 1), 0))],
  ['mean, sum, max, min', [[3, 4]], (x) => tf.addN([tf.mean(x, 1), tf.sum(x, 1), tf.max(x, 1), tf.min(x, 1)])],
  ['moments and batchNorm', [[6, 4], [4], [4]], (x, g, b) => {
    const { mean, variance } = tf.moments(x, 0);
    return tf.batchNorm(x, mean, variance, b, g, 1e-3);
  }],
  ['cumsum', [[3, 5]], (x) => tf.cumsum(x, 1)],
  ['crossentropy with oneHot labels', [[4, 3]], (x) => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d([0, 2, 1, 2], 'int32'), 3), x)],
  ['resizeBilinear, resizeNearestNeighbor', [[1, 3, 3, 2]], (x) => tf.add(tf.image.resizeBilinear(t4(x), [5, 5]), tf.image.resizeNearestNeighbor(t4(x), [5, 5]))],
  ['where, cast', [[8], [8]], (a, b) => tf.where(tf.tensor1d([1, 0, 1, 1, 0, 0, 1, 0], 'bool'), a, tf.mul(tf.cast(b, 'float32'), b))],
];

describe('gradients on wasm', () => {
  it.each(cases)('%s: every gradient runs on wasm and equals the cpu backend', async (_name, shapes, f) => {
    const inputs = shapes.map((shape, index) => seededArray(tf.util.sizeFromShape(shape), 40 + index));
    const gradients = () => {
      const tensors = inputs.map((values, index) => tf.tensor(values, shapes[index]));
      return tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.square(f(...xs))))(tensors);
    };
    const expected = await computeOn('cpu', gradients);
    const actual = await computeOn('wasm', gradients);
    actual.forEach((values, index) => expectArraysClose(values, expected[index]));
  });
});
