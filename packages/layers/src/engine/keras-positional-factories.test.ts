import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import {
  activation,
  averagePooling2d,
  bidirectional,
  conv2d,
  dense,
  dropout,
  embedding,
  flatten,
  gru,
  input,
  lstm,
  maxPooling2d,
  rescaling,
  reshape,
  simpleRNN,
} from '../index';

/** Keras's first positional arguments, as the course notes write them, give the layers Keras gives. */
describeEachBackend('factories called as Keras calls the layers', () => {
  it('dense(units, options) computes what dense({units, ...options}) does', async () => {
    const layer = dense(2, { kernelInitializer: 'ones', biasInitializer: 'ones', activation: 'relu' });
    expect(layer.units).toBe(2);
    const x = tf.tensor2d([[1, 2, -10]]);
    layer.maybeBuild([2, 3]);
    await expectNoLeakedTensors(() => {
      // relu(1 + 2 − 10 + 1) = 0 on both units; a second row shows the sum.
      const y = tf.tidy(() => layer.apply(tf.concat([x, tf.tensor2d([[1, 2, 3]])])));
      expectArraysClose(y, [0, 0, 7, 7]);
      y.dispose();
    });
    tf.dispose(x);
    layer.dispose();
  });

  it('dropout(0.3) drops at rate 0.3, not at a default', () => {
    const layer = dropout(0.3, { seed: 1 });
    expect(layer.rate).toBe(0.3);
    const kept = tf.tidy(() => tf.mean(tf.cast(tf.notEqual(layer.apply(tf.ones([100, 100]), { training: true }), 0), 'float32')).dataSync()[0]);
    expect(kept).toBeGreaterThan(0.65);
    expect(kept).toBeLessThan(0.75);
  });

  it('rescaling(1 / 255) and rescaling(scale, offset) scale as Keras’s Rescaling(scale, offset)', () => {
    expectArraysClose(tf.tidy(() => rescaling(1 / 255).apply(tf.tensor1d([255, 51])).dataSync()), [1, 0.2], 1e-6);
    expectArraysClose(tf.tidy(() => rescaling(1 / 127.5, -1).apply(tf.tensor1d([0, 255])).dataSync()), [-1, 1], 1e-6);
  });

  it('conv2d(filters, kernelSize, options), pooling(poolSize), reshape(targetShape) and activation(name) compute as Keras’s layers', () => {
    const layers = [conv2d(4, 3, { kernelInitializer: 'ones', activation: 'relu' }), maxPooling2d(2), averagePooling2d([1, 1]), reshape([16, 4]), activation('relu'), flatten()];
    // Ones through a 3×3 kernel of ones: 9 everywhere; 10 → 8 (valid) → 4 (pool 2); 4·4·4 values.
    const y = tf.tidy(() => layers.reduce((x: tf.Tensor, layer) => layer.apply(x), tf.ones([1, 10, 10, 1])));
    expect(y.shape).toEqual([1, 64]);
    expectArraysClose(y, new Array(64).fill(9), 1e-5);
    y.dispose();
    for (const layer of layers) layer.dispose();
  });
});

it('conv2d(32, 3), lstm(32), embedding(1000, 64) and bidirectional(lstm(4)) read Keras’s positional arguments', () => {
  const conv = conv2d(32, 3, { padding: 'same' });
  expect(conv.computeOutputShape([null, 28, 28, 1])).toEqual([null, 28, 28, 32]);
  expect(conv2d(8, [3, 5]).computeOutputShape([null, 10, 10, 1])).toEqual([null, 8, 6, 8]);
  expect(maxPooling2d([2, 2]).computeOutputShape([null, 28, 28, 32])).toEqual([null, 14, 14, 32]);
  expect(reshape([7, 7, 1]).computeOutputShape([null, 49])).toEqual([null, 7, 7, 1]);
  expect(lstm(32, { returnSequences: true }).computeOutputShape([null, 10, 4])).toEqual([null, 10, 32]);
  expect(gru(16).units).toBe(16);
  expect(simpleRNN(8).units).toBe(8);
  const words = embedding(1000, 64, { maskZero: true });
  expect([words.inputDim, words.outputDim, words.maskZero]).toEqual([1000, 64, true]);
  expect(bidirectional(lstm(4)).computeOutputShape([null, 10, 3])).toEqual([null, 8]);
  expect(bidirectional(lstm(4), { mergeMode: 'sum' }).computeOutputShape([null, 10, 3])).toEqual([null, 4]);
  expect(input([784], { name: 'pixels' }).shape).toEqual([null, 784]);
});

it('refuses what Keras refuses: a value twice, a number where there is no positional argument, too many arguments', () => {
  expect(() => dense(10, { units: 5 } as never)).toThrow('Expected units once for layer Dense, received 10 as an argument and 5 as an option');
  expect(() => dense(10, 'relu' as never)).toThrow('Expected the options of layer Dense (after units) to be an object, received "relu"');
  expect(() => flatten(3 as never)).toThrow(new TypeError('Expected the options of layer Flatten to be an object, received 3'));
  expect(() => dense({ units: 10, kernel_initializer: 'he_normal' } as never)).toThrow(
    'Unknown option "kernel_initializer" in layer Dense: did you mean "kernelInitializer"?',
  );
  expect(() => dropout({ rate: 0.3, noise_shape: [1] } as never)).toThrow('did you mean "noiseShape"?');
});
