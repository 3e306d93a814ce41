import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { spatialDropout1d, spatialDropout2d } from './spatial-dropout';

afterEach(() => resetUniqueNames());

describeEachBackend('SpatialDropout1D and SpatialDropout2D', () => {
  it.each([
    ['spatialDropout1d', () => spatialDropout1d({ rate: 0.3 }), [2, 5, 4]],
    ['spatialDropout2d', () => spatialDropout2d({ rate: 0.3, seed: 1 }), [2, 3, 3, 4]],
    ['spatialDropout2d channels_first', () => spatialDropout2d({ rate: 0.3, dataFormat: 'channels_first' }), [2, 4, 3, 3]],
  ] as const)('%s passes runLayerTest', async (_name, makeLayer, shape) => {
    await runLayerTest({ makeLayer, inputShape: [...shape], expectedOutputShape: [...shape], expectedWeightShapes: [], expectTrainingChangesWeights: false });
  });

  it('drops whole channels of sequences and is the identity outside training', () => {
    const x = tf.ones([3, 6, 8]);
    const layer = spatialDropout1d({ rate: 0.5, seed: 2 });
    const y = layer.apply(x, { training: true });
    for (const sample of y.arraySync() as number[][][]) {
      for (let channel = 0; channel < 8; channel++) {
        const column = new Set(sample.map((step) => step[channel]));
        expect(column.size).toBe(1);
        expect([0, 2]).toContain([...column][0]);
      }
    }
    const same = layer.apply(x, { training: false });
    expectArraysClose(same, x);
    tf.dispose([x, y, same]);
  });

  it('drops whole feature maps of images, channels last or first', () => {
    const last = tf.ones([2, 3, 3, 4]);
    const y = spatialDropout2d({ rate: 0.5, seed: 4 }).apply(last, { training: true });
    for (const image of y.arraySync() as number[][][][]) for (let c = 0; c < 4; c++) expect(new Set(image.flat().map((pixel) => pixel[c])).size).toBe(1);
    const first = tf.ones([2, 4, 3, 3]);
    const z = spatialDropout2d({ rate: 0.5, seed: 4, dataFormat: 'channels_first' }).apply(first, { training: true });
    for (const image of z.arraySync() as number[][][][]) for (const map of image) expect(new Set(map.flat()).size).toBe(1);
    tf.dispose([last, first, y, z]);
  });

  it('rejects bad arguments and inputs, naming the layer', () => {
    expect(() => spatialDropout1d({ rate: 1 })).toThrow('Expected rate to be a number in [0, 1), received 1 in layer "spatial_dropout1d"');
    expect(() => spatialDropout2d({ rate: 0.1, dataFormat: 'nhwc' as never })).toThrow('Expected dataFormat to be one of channels_last, channels_first, received "nhwc" in layer "spatial_dropout2d"');
    const x = tf.ones([2, 3]);
    expect(() => spatialDropout1d({ rate: 0.1, name: 'sd' }).apply(x)).toThrow('Expected inputShape of rank 3, received [2, 3] in layer "sd"');
    x.dispose();
  });
});
