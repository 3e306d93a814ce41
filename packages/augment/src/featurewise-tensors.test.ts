import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { FeaturewiseTensors } from './featurewise-tensors';

/** `std + 1e-6` as float32 adds them. */
const plusEpsilon = (std: number) => Math.fround(Math.fround(std) + Math.fround(1e-6));

describe('FeaturewiseTensors', () => {
  it('makes [1, 1, 1, c] tensors of the mean and of std + 1e-6 once per pair of arrays, and frees them', () => {
    const before = tf.memory().numTensors;
    const tensors = new FeaturewiseTensors();
    const statistics = { mean: Float32Array.of(1, 2, 3), std: Float32Array.of(0, 0.5, 2) };
    const made = tensors.of(statistics);
    expect(made.mean!.shape).toEqual([1, 1, 1, 3]);
    expect(Array.from(made.mean!.dataSync())).toEqual([1, 2, 3]);
    expect(made.stdDivisor!.shape).toEqual([1, 1, 1, 3]);
    expect(Array.from(made.stdDivisor!.dataSync())).toEqual([0, 0.5, 2].map(plusEpsilon));
    expect(tf.memory().numTensors).toBe(before + 2);
    // The same arrays: the same tensors, nothing uploaded again.
    expect(tensors.of({ ...statistics })).toBe(made);
    expect(tf.memory().numTensors).toBe(before + 2);
    // A new array for either statistic: both made again, the old ones freed.
    const again = tensors.of({ ...statistics, std: Float32Array.of(1, 1, 1) });
    expect(again).not.toBe(made);
    expect(made.mean!.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before + 2);
    expect(tensors.of({ mean: Float32Array.of(5) })).toEqual({ mean: expect.anything(), stdDivisor: undefined });
    expect(tf.memory().numTensors).toBe(before + 1);
    tensors.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(tensors.of({})).toEqual({ mean: undefined, stdDivisor: undefined });
    const onlyStd = tensors.of({ std: Float32Array.of(3) });
    expect(onlyStd.mean).toBeUndefined();
    expect(Array.from(onlyStd.stdDivisor!.dataSync())).toEqual([plusEpsilon(3)]);
    tensors.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps its tensors out of the tidy it is called in', () => {
    const tensors = new FeaturewiseTensors();
    let made: ReturnType<FeaturewiseTensors['of']> = {};
    tf.tidy(() => {
      made = tensors.of({ mean: Float32Array.of(1) });
    });
    expect(made.mean!.isDisposed).toBe(false);
    tensors.dispose();
    expect(made.mean!.isDisposed).toBe(true);
  });
});
