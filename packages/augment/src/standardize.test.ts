import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import type { FeaturewiseTensorSet } from './featurewise-tensors';
import { type ImageDataGeneratorOptions, resolveOptions } from './generator-options';
import { standardize } from './standardize';

/** Two 1×2 single-channel images, [1, 3] and [2, 6]. */
const VALUES = [1, 3, 2, 6];

/** `standardize` of the two images with `options` and `statistics`, read back; no tensor is left behind. */
function run(options: ImageDataGeneratorOptions, statistics: FeaturewiseTensorSet = {}): number[] {
  const before = tf.memory().numTensors;
  const batch = tf.tensor4d(VALUES, [2, 1, 2, 1]);
  const out = standardize(batch, resolveOptions(options), statistics);
  expect(out).not.toBe(batch);
  const values = Array.from(out.dataSync());
  tf.dispose([batch, out]);
  expect(tf.memory().numTensors).toBe(before);
  return values;
}

describeEachBackend('standardize', () => {
  it('returns a copy when no option applies, a rescale of 0 included (Keras: `if self.rescale`)', () => {
    expect(run({})).toEqual(VALUES);
    expect(run({ rescale: 0 })).toEqual(VALUES);
    expect(run({ rescale: 0.5 })).toEqual([0.5, 1.5, 1, 3]);
  });

  it('copies the batch only when no step made a new tensor', async () => {
    const batch = tf.tensor4d(VALUES, [2, 1, 2, 1]);
    const kernels = async (options: ImageDataGeneratorOptions) => {
      const profile = await tf.profile(() => standardize(batch, resolveOptions(options), {}));
      (profile.result as tf.Tensor).dispose();
      return profile.kernelNames;
    };
    expect(await kernels({ rescale: 2 })).not.toContain('Identity');
    expect(await kernels({})).toContain('Identity');
    batch.dispose();
  });

  it('runs the preprocessing function before rescale, as Keras', () => {
    expect(run({ preprocessingFunction: (x) => tf.add(x, 1), rescale: 2 })).toEqual([4, 8, 6, 14]);
  });

  it('centres and scales each image by its own mean and std + 1e-6', () => {
    // Image means 2 and 4, population stds 1 and 2.
    expect(run({ samplewiseCenter: true })).toEqual([-1, 1, -2, 2]);
    expectArraysClose(run({ samplewiseCenter: true, samplewiseStdNormalization: true }), [-1 / (1 + 1e-6), 1 / (1 + 1e-6), -2 / (2 + 1e-6), 2 / (2 + 1e-6)], 1e-7);
    // Where the std is 1e-6, Keras's 1e-6 halves the result: x / (std + 1e-6).
    const batch = tf.tensor4d([0, 2e-6], [1, 1, 2, 1]);
    const out = standardize(batch, resolveOptions({ samplewiseCenter: true, samplewiseStdNormalization: true }), {});
    expectArraysClose(out, [-0.5, 0.5], 1e-3);
    tf.dispose([batch, out]);
  });

  it('subtracts the featurewise mean and divides by the std divisor after the samplewise steps', () => {
    const mean = tf.tensor4d([1], [1, 1, 1, 1]);
    const stdDivisor = tf.tensor4d([2], [1, 1, 1, 1]);
    expect(run({ featurewiseCenter: true }, { mean })).toEqual([0, 2, 1, 5]);
    expect(run({ featurewiseStdNormalization: true }, { stdDivisor })).toEqual([0.5, 1.5, 1, 3]);
    expect(run({ rescale: 2, featurewiseCenter: true, featurewiseStdNormalization: true }, { mean, stdDivisor })).toEqual([0.5, 2.5, 1.5, 5.5]);
    tf.dispose([mean, stdDivisor]);
  });

  it('names a missing fit and a channel count that differs from fit’s', () => {
    const before = tf.memory().numTensors;
    const three = tf.tensor4d([1, 1, 1], [1, 1, 1, 3]);
    const batch = tf.tensor4d(VALUES, [2, 1, 2, 1]);
    expect(() => standardize(batch, resolveOptions({ featurewiseCenter: true }), {})).toThrow(new Error('Expected ImageDataGenerator.fit(x) before featurewiseCenter is used, received no statistics'));
    expect(() => standardize(batch, resolveOptions({ featurewiseStdNormalization: true }), {})).toThrow(new Error('Expected ImageDataGenerator.fit(x) before featurewiseStdNormalization is used, received no statistics'));
    const message = 'Expected batches of 3 channels, as the images given to ImageDataGenerator.fit, received 1';
    expect(() => standardize(batch, resolveOptions({ featurewiseCenter: true }), { mean: three })).toThrow(new Error(message));
    expect(() => standardize(batch, resolveOptions({ featurewiseStdNormalization: true }), { stdDivisor: three })).toThrow(new Error(message));
    tf.dispose([three, batch]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
