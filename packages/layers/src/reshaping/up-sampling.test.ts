import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { upSampling1d } from './up-sampling1d';
import { upSampling2d } from './up-sampling2d';

afterEach(() => resetUniqueNames());

describeEachBackend('UpSampling1D and UpSampling2D', () => {
  it.each([
    ['2d default', () => upSampling2d(), [1, 2, 2, 1], [1, 4, 4, 1]],
    ['2d [2, 3]', () => upSampling2d({ size: [2, 3] }), [2, 2, 3, 2], [2, 4, 9, 2]],
    ['2d bilinear', () => upSampling2d({ interpolation: 'bilinear' }), [1, 2, 3, 2], [1, 4, 6, 2]],
    ['2d bilinear [3, 1]', () => upSampling2d({ size: [3, 1], interpolation: 'bilinear' }), [2, 2, 2, 1], [2, 6, 2, 1]],
    ['1d default', () => upSampling1d(), [2, 3, 2], [2, 6, 2]],
    ['1d 3', () => upSampling1d({ size: 3 }), [1, 2, 1], [1, 6, 1]],
  ] as const)('passes runLayerTest: %s', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('repeats rows, columns and steps (nearest)', async () => {
    const image = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    const sequence = tf.tensor3d([[[1, 10], [2, 20]]]);
    await expectNoLeakedTensors(() => {
      const a = upSampling2d({ size: [1, 2] }).apply(image);
      const b = upSampling1d().apply(sequence);
      expect(a.arraySync()).toEqual([[[[1], [1], [2], [2]], [[3], [3], [4], [4]]]]);
      expect(b.arraySync()).toEqual([[[1, 10], [1, 10], [2, 20], [2, 20]]]);
      tf.dispose([a, b]);
    });
    tf.dispose([image, sequence]);
  });

  it('interpolates bilinearly with half-pixel centres, as TensorFlow', async () => {
    // A row 0, 4 upsampled ×2 samples at −0.25, 0.25, 0.75, 1.25: clamped 0, 1, 3, 4.
    const row = tf.tensor4d([0, 4], [1, 1, 2, 1]);
    const image = tf.tensor4d(seededArray(2 * 3 * 2 * 2, 3), [2, 3, 2, 2]);
    await expectNoLeakedTensors(() => {
      const a = upSampling2d({ size: [1, 2], interpolation: 'bilinear' }).apply(row);
      expectArraysClose(a, [0, 1, 3, 4], 1e-6);
      const ours = upSampling2d({ size: [2, 3], interpolation: 'bilinear' }).apply(image);
      const reference = tf.image.resizeBilinear(image, [6, 6], false, true);
      expectArraysClose(ours, reference, 1e-5);
      tf.dispose([a, ours, reference]);
    });
    tf.dispose([row, image]);
  });

  it.each([
    ['nearest [2, 3]', () => upSampling2d({ size: [2, 3] })],
    ['bilinear [2, 3]', () => upSampling2d({ size: [2, 3], interpolation: 'bilinear' })],
  ] as const)('gives the input gradient finite differences give: %s', async (_name, make) => {
    await expectLayerGradientsMatchFiniteDifferences({ layer: make(), inputShape: [1, 2, 3, 2], samples: 12 });
  });

  it('computes symbolic shapes, writes Keras configs and names bad arguments', () => {
    expect(upSampling2d({ size: 2 }).apply(input({ shape: [7, null, 16] })).shape).toEqual([null, 14, null, 16]);
    expect(upSampling2d().getConfig()).toMatchObject({ size: [2, 2], interpolation: 'nearest', data_format: 'channels_last' });
    expect(() => upSampling2d({ interpolation: 'bicubic' as never, name: 'u1' })).toThrow('Expected interpolation to be one of nearest, bilinear, received "bicubic" in layer "u1"');
    expect(() => upSampling2d({ size: [2, 0] as never, name: 'u2' })).toThrow('Expected size to be an integer ≥ 1 or a list of 2 of them, received [2,0] in layer "u2"');
    expect(() => upSampling1d({ size: 0, name: 'u3' })).toThrow('Expected size to be an integer ≥ 1, received 0 in layer "u3"');
  });
});

it('bilinear upsampling on wasm equals the cpu backend, forward and backward', async () => {
  const values = seededArray(2 * 3 * 5 * 2, 13);
  const compute = () => {
    const x = tf.tensor4d(values, [2, 3, 5, 2]);
    const layer = upSampling2d({ size: [3, 2], interpolation: 'bilinear' });
    const loss = (inputs: tf.Tensor) => tf.sum(tf.square(layer.apply(inputs)));
    return [layer.apply(x), tf.grad(loss)(x)];
  };
  const expected = await computeOn('cpu', compute);
  const actual = await computeOn('wasm', compute);
  actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-5));
});
