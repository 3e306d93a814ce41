import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { getMask } from '../engine/masking';
import { embedding } from './embedding';

afterEach(() => resetUniqueNames());

describeEachBackend('Embedding', () => {
  it('passes runLayerTest with integer inputs', async () => {
    await runLayerTest({ makeLayer: () => embedding({ inputDim: 10, outputDim: 4 }), inputShape: [3, 5], inputDtype: 'int32', inputRange: [0, 10], expectedOutputShape: [3, 5, 4], expectedWeightShapes: [[10, 4]] });
  });

  it('looks rows up and masks index 0', () => {
    const layer = embedding({ inputDim: 3, outputDim: 2, maskZero: true, embeddingsInitializer: { class_name: 'Constant', config: { value: 0 } } });
    layer.build([1, 3]);
    const table = tf.tensor2d([[0, 0], [1, 2], [3, 4]]);
    layer.setWeights([table]);
    const ids = tf.tensor2d([[2, 1, 0]], [1, 3], 'int32');
    const y = layer.apply(ids);
    expectArraysClose(y, [3, 4, 1, 2, 0, 0]);
    expect(Array.from(getMask(y)!.dataSync())).toEqual([1, 1, 0]);
    tf.dispose([table, ids, y, getMask(y)!]);
  });

  it('counts the IMDB model’s 2,560,000 parameters and names bad arguments', () => {
    const layer = embedding({ inputDim: 10000, outputDim: 256 });
    layer.build([null, 100]);
    expect(layer.countParams()).toBe(2560000);
    layer.dispose();
    expect(() => embedding({ inputDim: 0, outputDim: 2 })).toThrow('Expected inputDim to be an integer ≥ 1, received 0 in layer "embedding_1"');
  });
});
