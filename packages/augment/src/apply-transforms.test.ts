import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { multiplyMatrices as multiply, toTfTransform } from '@dendrite/backend/internal';
import { IDENTITY_PARAMETERS, type TransformParameters, transformMatrix } from './affine';
import { applyTransforms } from './apply-transforms';

/** The 3×3 single-channel image 1…9. */
const nine = () => tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
const params = (p: Partial<TransformParameters>): TransformParameters => ({ ...IDENTITY_PARAMETERS, ...p });
const run = (p: Partial<TransformParameters>, fill: 'nearest' | 'constant' | 'reflect' | 'wrap' = 'nearest', cval = 0) => {
  const image = nine();
  const out = applyTransforms(image, [params(p)], fill, cval);
  const values = Array.from(out.dataSync());
  tf.dispose([image, out]);
  return values.map((v) => Math.round(v * 1e4) / 1e4);
};

describe('transformMatrix', () => {
  it('is the identity for no transform and composes about the centre', () => {
    expect(transformMatrix(IDENTITY_PARAMETERS, 4, 6)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    // A zoom of 2 about (1.5, 2.5) on a 4×6 image: input = 2·output − centre.
    const m = transformMatrix(params({ zx: 2, zy: 2 }), 4, 6);
    expect(m).toEqual([2, 0, -1.5, 0, 2, -2.5, 0, 0, 1]);
    expect(multiply([1, 2, 0, 0, 1, 0, 0, 0, 1], [1, 0, 3, 0, 1, 4, 0, 0, 1])).toEqual([1, 2, 11, 0, 1, 4, 0, 0, 1]);
  });

  it('zooms along one axis when only that zoom differs from 1', () => {
    // Rows only: input row = 2·row − 1.5; columns only: input column = 2·column − 2.5.
    expect(transformMatrix(params({ zx: 2 }), 4, 6)).toEqual([2, 0, -1.5, 0, 1, 0, 0, 0, 1]);
    expect(transformMatrix(params({ zy: 2 }), 4, 6)).toEqual([1, 0, 0, 0, 2, -2.5, 0, 0, 1]);
  });

  it('swaps rows and columns for tf.image.transform', () => {
    // Keras's row shift tx = 2 moves the sampled point along y, which is b2 in tf's (x, y) order.
    expect(toTfTransform(transformMatrix(params({ tx: 2 }), 5, 5))).toEqual([1, 0, 0, 0, 1, 2, 0, 0]);
    expect(toTfTransform(transformMatrix(params({ ty: 3 }), 5, 5))).toEqual([1, 0, 3, 0, 1, 0, 0, 0]);
  });
});

describeEachBackend('applyTransforms', () => {
  it('flips and rotates by hand-computed pixels', () => {
    expect(run({ flipHorizontal: true })).toEqual([3, 2, 1, 6, 5, 4, 9, 8, 7]);
    expect(run({ flipVertical: true })).toEqual([7, 8, 9, 4, 5, 6, 1, 2, 3]);
    // Keras's rotation matrix: output (r, c) samples input (2 − c, r) for 90°.
    expect(run({ theta: 90 })).toEqual([7, 4, 1, 8, 5, 2, 9, 6, 3]);
    expect(run({ theta: 90, flipHorizontal: true })).toEqual([1, 4, 7, 2, 5, 8, 3, 6, 9]);
  });

  it('shifts with each fill mode', () => {
    expect(run({ tx: 1 })).toEqual([4, 5, 6, 7, 8, 9, 7, 8, 9]);
    expect(run({ tx: 1 }, 'constant', -1)).toEqual([4, 5, 6, 7, 8, 9, -1, -1, -1]);
    expect(run({ tx: 2 }, 'nearest')).toEqual([7, 8, 9, 7, 8, 9, 7, 8, 9]);
    expect(run({ tx: 2 }, 'reflect')).toEqual([7, 8, 9, 7, 8, 9, 4, 5, 6]);
    // Periodic, as Keras documents wrap (SciPy's own 'wrap' has period n − 1).
    expect(run({ tx: 2 }, 'wrap')).toEqual([7, 8, 9, 1, 2, 3, 4, 5, 6]);
    expect(run({ ty: -1 })).toEqual([1, 1, 2, 4, 4, 5, 7, 7, 8]);
    // Half a pixel: bilinear between neighbours.
    expect(run({ ty: 0.5 })).toEqual([1.5, 2.5, 3, 4.5, 5.5, 6, 7.5, 8.5, 9]);
  });

  it('matches Keras’s apply_affine_transform (SciPy, order 1, nearest) for rotation, shift, shear and zoom together', () => {
    const input = [0, 7, 2, 8, 4, 9, 6, 10, 8, 11, 10, 12, 12, 0, 14, 1, 16, 2, 18, 3, 20, 4, 22, 5, 24, 6, 26, 7, 28, 8, 30, 9, 32, 10, 34, 11, 36, 12, 38, 0, 40, 1, 42, 2, 44, 3, 46, 4, 48, 5, 50, 6, 52, 7, 54, 8, 56, 9, 58, 10];
    const keras = [43.1766, 7.8136, 35.3514, 7.8556, 28.5519, 5.885, 21.7524, 4.8762, 14.9529, 4.4693, 8.1534, 10.2614, 48.0, 5.0, 45.6045, 4.7457, 38.805, 0.8791, 32.0055, 6.6712, 25.206, 6.603, 18.4065, 5.2554, 48.7743, 5.3872, 50.4596, 6.2298, 49.0581, 5.529, 42.2586, 2.1293, 35.4591, 7.4573, 28.6596, 8.3298, 49.6743, 5.8372, 51.3596, 6.6798, 53.0449, 7.5225, 52.5117, 7.2558, 45.7122, 3.8561, 38.8118, 8.1931, 50.5743, 6.2872, 52.2596, 7.1298, 53.9449, 7.9725, 55.6302, 8.8151, 55.9652, 8.9826, 48.1649, 5.0825];
    const image = tf.tensor4d(input, [1, 5, 6, 2]);
    const out = applyTransforms(image, [params({ theta: 30, tx: 1.2, ty: -0.7, shear: 10, zx: 0.9, zy: 1.1 })], 'nearest', 0);
    expectArraysClose(out, keras, 1e-3);
    tf.dispose([image, out]);
  });

  it('shifts channels within the image’s range; brightness as Keras’s apply_brightness_shift(x, b, scale=False)', () => {
    const image = tf.tensor4d([0, 10, 4, 6], [1, 2, 2, 1]);
    const shifted = applyTransforms(image, [params({ channelShiftIntensity: 5 })], 'nearest', 0);
    expect(Array.from(shifted.dataSync())).toEqual([5, 10, 9, 10]);
    // Within [0, 255] PIL multiplies the pixels and clips to [0, 255], not to the image's own range.
    const darker = applyTransforms(image, [params({ brightness: 0.5 })], 'nearest', 0);
    expect(Array.from(darker.dataSync())).toEqual([0, 5, 2, 3]);
    const brighter = applyTransforms(image, [params({ brightness: 1.5 })], 'nearest', 0);
    expect(Array.from(brighter.dataSync())).toEqual([0, 15, 6, 9]);
    const bright = tf.tensor4d([100, 200, 0, 250], [1, 2, 2, 1]);
    const clipped = applyTransforms(bright, [params({ brightness: 1.2 })], 'nearest', 0);
    expectArraysClose(clipped, [120, 240, 0, 255], 1e-5);
    // Outside [0, 255] Keras scales [min, max] to [0, 255] and back: [-1, 3] → [0, 255] → × 2, clipped → [-1, 3].
    const signed = tf.tensor4d([-1, 1, 0, 3], [1, 2, 2, 1]);
    const doubled = applyTransforms(signed, [params({ brightness: 2 })], 'nearest', 0);
    // PIL's whole levels put Keras's values at [-1, 2.984, 0.976, 3]; Dendrite keeps the fractions.
    expectArraysClose(doubled, [-1, 3, 1, 3], 1e-6);
    tf.dispose([image, shifted, darker, brighter, bright, clipped, signed, doubled]);
  });

  it('returns a copy without resampling when every transform is the identity', async () => {
    const image = nine();
    const profile = await tf.profile(() => applyTransforms(image, [IDENTITY_PARAMETERS], 'nearest', 0));
    const out = profile.result as tf.Tensor4D;
    expect(profile.kernelNames).not.toContain('Transform');
    expect(out).not.toBe(image);
    out.dispose();
    expect(Array.from(image.dataSync())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    image.dispose();
  });

  it('does not copy the transformed images again', async () => {
    const image = nine();
    const profile = await tf.profile(() => applyTransforms(image, [params({ flipHorizontal: true })], 'nearest', 0));
    (profile.result as tf.Tensor).dispose();
    expect(profile.kernelNames).toContain('Transform');
    expect(profile.kernelNames).not.toContain('Identity');
    image.dispose();
  });

  it('transforms, shifts and brightens only the images whose parameters ask, the others bit for bit', () => {
    // Image 0 is [0, 10, 4, 6]; image 1 is [-3, 0.1, 2, 1], whose (x + 3) − 3 would round in float32.
    const batch = tf.tensor4d([0, 10, 4, 6, -3, 0.1, 2, 1], [2, 2, 2, 1]);
    const second = Array.from(Float32Array.from([-3, 0.1, 2, 1]));
    const cases: Array<[Partial<TransformParameters>, number[]]> = [
      [{ flipHorizontal: true }, [10, 0, 6, 4]],
      [{ channelShiftIntensity: 5 }, [5, 10, 9, 10]],
      [{ brightness: 0.5 }, [0, 5, 2, 3]],
    ];
    for (const [first, expected] of cases) {
      const out = applyTransforms(batch, [params(first), IDENTITY_PARAMETERS], 'nearest', 0);
      const values = Array.from(out.dataSync());
      expect(values.slice(0, 4), JSON.stringify(first)).toEqual(expected);
      // Image 1 asks for nothing: bit for bit, even beside a brightened image ((x + 3)·1 − 3 would round).
      expect(values.slice(4), JSON.stringify(first)).toEqual(second);
      out.dispose();
    }
    batch.dispose();
  });

  it('applies one transform per image of a batch, in one call, without leaking', async () => {
    const batch = tf.tensor4d([1, 2, 3, 4, 1, 2, 3, 4], [2, 2, 2, 1]);
    await expectNoLeakedTensors(() => {
      const out = applyTransforms(batch, [params({ flipHorizontal: true }), params({ flipVertical: true })], 'nearest', 0);
      expect(Array.from(out.dataSync())).toEqual([2, 1, 4, 3, 3, 4, 1, 2]);
      out.dispose();
    });
    expect(() => applyTransforms(batch, [IDENTITY_PARAMETERS], 'nearest', 0)).toThrow('Expected one transform per image (2), received 1');
    batch.dispose();
  });
});
