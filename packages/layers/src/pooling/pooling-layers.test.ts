import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { setMask } from '../engine/masking';
import * as p from './pooling-layers';

afterEach(() => resetUniqueNames());

describeEachBackend('pooling layers', () => {
  it.each([
    ['maxPooling2d', () => p.maxPooling2d(), [2, 6, 6, 3], [2, 3, 3, 3]],
    ['maxPooling2d same stride 1', () => p.maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }), [1, 5, 5, 2], [1, 5, 5, 2]],
    ['averagePooling2d', () => p.averagePooling2d({ poolSize: [2, 3] }), [1, 6, 6, 1], [1, 3, 2, 1]],
    ['maxPooling1d', () => p.maxPooling1d(), [2, 8, 3], [2, 4, 3]],
    ['averagePooling1d same', () => p.averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }), [2, 7, 3], [2, 4, 3]],
    ['globalMaxPooling2d', () => p.globalMaxPooling2d(), [2, 4, 4, 3], [2, 3]],
    ['globalAveragePooling2d keepdims', () => p.globalAveragePooling2d({ keepdims: true }), [2, 4, 4, 3], [2, 1, 1, 3]],
    ['globalMaxPooling1d', () => p.globalMaxPooling1d(), [2, 5, 3], [2, 3]],
    ['globalAveragePooling1d', () => p.globalAveragePooling1d(), [2, 5, 3], [2, 3]],
  ] as const)('%s passes runLayerTest', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('pools windows as hand computed', () => {
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 4, 4, 1]);
    const max = p.maxPooling2d().apply(image);
    const mean = p.averagePooling2d().apply(image);
    const globalMean = p.globalAveragePooling2d().apply(image);
    expectArraysClose(max, [6, 8, 14, 16]);
    expectArraysClose(mean, [3.5, 5.5, 11.5, 13.5]);
    expectArraysClose(globalMean, [8.5]);
    tf.dispose([image, max, mean, globalMean]);
  });

  it('averages only unmasked steps in GlobalAveragePooling1D, as Keras', () => {
    const x = tf.tensor3d([[[1], [3], [100]]]);
    const mask = tf.tensor2d([[1, 1, 0]], [1, 3], 'bool');
    setMask(x, mask);
    const y = p.globalAveragePooling1d().apply(x);
    expectArraysClose(y, [2]);
    tf.dispose([x, mask, y]);
  });

  it('names bad arguments', () => {
    expect(() => p.maxPooling2d({ poolSize: 0 })).toThrow(/Expected poolSize to be an integer ≥ 1 or a list of 2 of them, received 0 in layer "max_pooling2d"/);
    expect(() => p.maxPooling2d({ padding: 'full' as never })).toThrow(/Expected padding to be one of valid, same/);
  });
});
