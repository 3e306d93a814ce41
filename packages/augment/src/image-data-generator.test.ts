import { describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { ImageDataGenerator } from './image-data-generator';

/** `n` images 4×4×1 whose pixels are `image·16 + position`. */
function images(n: number) {
  return { values: Float32Array.from({ length: n * 16 }, (_, i) => i), shape: [n, 4, 4, 1] };
}
/** Two images 4×4×2: channel 0 holds 0…31, channel 1 is 100. */
function twoChannels() {
  const values = new Float32Array(2 * 4 * 4 * 2);
  for (let i = 0; i < 32; i++) {
    values[i * 2] = i;
    values[i * 2 + 1] = 100;
  }
  return { values, shape: [2, 4, 4, 2] };
}
const labels = (n: number) => ({ values: Float32Array.from({ length: n }, (_, i) => i), shape: [n] });

describe('ImageDataGenerator options', () => {
  it('refuses Keras’s snake_case names with the camelCase one meant, and names a bad option, expected and received', () => {
    expect(() => new ImageDataGenerator({ rotation_range: 40 } as never)).toThrow('Unknown option "rotation_range" in ImageDataGenerator: did you mean "rotationRange"?');
    expect(() => new ImageDataGenerator({ rotation_range: 40 } as never)).toThrow(TypeError);
    const generator = new ImageDataGenerator({ rotationRange: 40, zoomRange: 0.2, fillMode: 'nearest' });
    expect(generator.options.rotationRange).toBe(40);
    expect(generator.options.zoomRange).toEqual([0.8, 1.2]);
    expect(() => new ImageDataGenerator({ fillMode: 'mirror' as never })).toThrow('Expected fillMode to be one of "nearest", "constant", "reflect", "wrap" in ImageDataGenerator, received "mirror"');
    expect(() => new ImageDataGenerator({ rotationRange: -1 })).toThrow('Expected rotationRange to be a number ≥ 0 in ImageDataGenerator, received -1');
    expect(() => new ImageDataGenerator({ rotationRange: Number.NaN })).toThrow('Expected rotationRange to be a number ≥ 0 in ImageDataGenerator, received NaN');
    expect(() => new ImageDataGenerator({ brightnessRange: [Number.NaN, 1] })).toThrow('Expected brightnessRange to be [low, high] with 0 ≤ low ≤ high in ImageDataGenerator, received [NaN,1]');
    expect(() => new ImageDataGenerator({ zoomRange: 1.5 })).toThrow(/Expected zoomRange/);
    expect(() => new ImageDataGenerator({ rotaton_range: 4 } as never)).toThrow('Unknown option "rotaton_range" in ImageDataGenerator: did you mean "rotationRange"?');
  });
});

describeEachBackend('ImageDataGenerator', () => {
  it('flows batches with a partial last one, rescaled, with their labels, and one seed gives one sequence', async () => {
    const generator = new ImageDataGenerator({ rescale: 1 / 16 });
    await expectNoLeakedTensors(async () => {
      const flow = generator.flow(images(5), labels(5), { batchSize: 2, shuffle: false });
      expect(flow.length).toBe(3);
      const seen: number[][] = [];
      for await (const batch of flow) {
        seen.push(Array.from(batch.y!.dataSync()));
        expect(batch.x.shape.slice(1)).toEqual([4, 4, 1]);
        tf.dispose([batch.x, batch.y!]);
      }
      expect(seen).toEqual([[0, 1], [2, 3], [4]]);
      const first = flow.nextBatch();
      expect(first.x.dataSync()[16]).toBeCloseTo(1, 6); // image 1, pixel 0: (16 + 0) / 16
      tf.dispose([first.x, first.y!]);
    });
    const order = (seed: number) => {
      const flow = new ImageDataGenerator({ rotationRange: 30, horizontalFlip: true }).flow(images(6), labels(6), { batchSize: 6, seed });
      const batch = flow.nextBatch();
      const result = [Array.from(batch.y!.dataSync()), Array.from(batch.x.dataSync())];
      tf.dispose([batch.x, batch.y!]);
      return result;
    };
    expect(order(7)).toEqual(order(7));
    expect(order(7)[0]).not.toEqual(order(8)[0]);
    expect([...order(7)[0]].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('takes the validation part first with validationSplit and subset, as Keras', () => {
    const generator = new ImageDataGenerator({ validationSplit: 0.4 });
    const y = (subset: 'training' | 'validation') => {
      const batch = generator.flow(images(5), labels(5), { subset, shuffle: false, batchSize: 10 }).nextBatch();
      const values = Array.from(batch.y!.dataSync());
      tf.dispose([batch.x, batch.y!]);
      return values;
    };
    expect(y('validation')).toEqual([0, 1]);
    expect(y('training')).toEqual([2, 3, 4]);
    expect(() => new ImageDataGenerator().flow(images(2), labels(2), { subset: 'validation' })).toThrow('Expected a validationSplit on the ImageDataGenerator to use subset in flow, received none');
    expect(() => generator.flow({ values: new Float32Array(16), shape: [4, 4] }, undefined)).toThrow('Expected x of rank 4 [samples, height, width, channels] in ImageDataGenerator.flow, received shape [4,4]');
    expect(() => generator.flow(images(3), labels(2))).toThrow('Expected y to have as many samples as x (3) in ImageDataGenerator.flow, received 2');
  });

  it('fits featurewise statistics per channel and standardizes with them', () => {
    const x = twoChannels();
    const generator = new ImageDataGenerator({ featurewiseCenter: true, featurewiseStdNormalization: true });
    expect(() => generator.flow(x).nextBatch()).toThrow('Expected ImageDataGenerator.fit(x) before featurewiseCenter is used, received no statistics');
    generator.fit(x);
    expectArraysClose(generator.statistics.mean!, [15.5, 100], 1e-5);
    // The population std of 0…31 is sqrt((32² − 1) / 12).
    expectArraysClose(generator.statistics.std!, [Math.sqrt((32 * 32 - 1) / 12), 0], 1e-4);
    const batch = generator.flow(x, undefined, { batchSize: 2, shuffle: false }).nextBatch();
    const first = batch.x.slice([0, 0, 0, 0], [2, 4, 4, 1]);
    const { mean, variance } = tf.moments(first);
    expectArraysClose(mean, [0], 1e-5);
    expectArraysClose(variance, [1], 1e-4);
    tf.dispose([batch.x, first, mean, variance]);
    generator.dispose();
  });

  it('fits on a tensor where it is, without reading it back, to the statistics of its values', () => {
    const host = twoChannels();
    const fromHost = new ImageDataGenerator({ featurewiseStdNormalization: true });
    fromHost.fit(host);
    const tensor = tf.tensor4d(host.values, [2, 4, 4, 2]);
    const readBacks = [vi.spyOn(tensor, 'dataSync'), vi.spyOn(tensor, 'data'), vi.spyOn(tensor, 'arraySync')];
    const fromTensor = new ImageDataGenerator({ featurewiseStdNormalization: true });
    fromTensor.fit(tensor);
    for (const readBack of readBacks) expect(readBack).not.toHaveBeenCalled();
    expect(Array.from(fromTensor.statistics.mean!)).toEqual(Array.from(fromHost.statistics.mean!));
    expect(Array.from(fromTensor.statistics.std!)).toEqual(Array.from(fromHost.statistics.std!));
    expect(() => fromTensor.fit(tf.zeros([2, 2]))).toThrow('Expected x of rank 4 [samples, height, width, channels] in ImageDataGenerator.fit, received shape [2,2]');
    tf.dispose(tensor);
    fromHost.dispose();
    fromTensor.dispose();
  });

  it('uploads the featurewise statistics once per fit, not per batch, and frees them on refit and dispose', async () => {
    const x = twoChannels();
    const before = tf.memory().numTensors;
    const generator = new ImageDataGenerator({ featurewiseCenter: true, featurewiseStdNormalization: true });
    generator.fit(x);
    const kept = tf.memory().numTensors;
    expect(kept).toBe(before + 2); // the mean and the std divisor
    const makeTensor = vi.spyOn(tf.engine(), 'makeTensor');
    const batch = tf.tensor4d(x.values, [2, 4, 4, 2]);
    makeTensor.mockClear();
    const standardized = generator.standardize(batch);
    expect(makeTensor).not.toHaveBeenCalled();
    makeTensor.mockRestore();
    tf.dispose([batch, standardized]);
    await expectNoLeakedTensors(async () => {
      for await (const flowed of generator.flow(x, undefined, { batchSize: 1 })) tf.dispose(flowed.x);
      generator.fit(x, { augment: true, rounds: 2, seed: 3 });
    });
    expect(tf.memory().numTensors).toBe(kept);
    generator.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Statistics assigned by hand, as Keras users set `datagen.mean`, are made into tensors again.
    generator.statistics.mean = Float32Array.of(1, 2);
    generator.statistics.std = Float32Array.of(1, 1);
    const manual = generator.flow(x, undefined, { batchSize: 1, shuffle: false }).nextBatch();
    const firstPixel = manual.x.slice([0, 0, 0, 0], [1, 1, 1, 2]);
    expectArraysClose(firstPixel, [0 - 1, 100 - 2], 1e-4);
    tf.dispose([manual.x, firstPixel]);
    generator.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names a batch whose channels differ from the data fit saw', () => {
    const generator = new ImageDataGenerator({ featurewiseCenter: true });
    generator.fit(twoChannels());
    expect(() => generator.flow(images(2)).nextBatch()).toThrow('Expected batches of 2 channels, as the images given to ImageDataGenerator.fit, received 1');
    generator.dispose();
  });

  it('centres and scales each sample on its own', () => {
    const generator = new ImageDataGenerator({ samplewiseCenter: true, samplewiseStdNormalization: true });
    const batch = generator.flow(images(2), undefined, { shuffle: false }).nextBatch();
    const second = batch.x.slice([1, 0, 0, 0], [1, 4, 4, 1]);
    const { mean, variance } = tf.moments(second);
    expectArraysClose(mean, [0], 1e-5);
    expectArraysClose(variance, [1], 1e-4);
    tf.dispose([batch.x, second, mean, variance]);
  });

  it('draws Keras’s parameters within their ranges and applies one to an image', () => {
    const generator = new ImageDataGenerator({ rotationRange: 40, widthShiftRange: 0.2, heightShiftRange: 3, shearRange: 10, zoomRange: [0.5, 0.9], channelShiftRange: 5, brightnessRange: [0.2, 0.4], horizontalFlip: true });
    for (let seed = 0; seed < 20; seed++) {
      const p = generator.getRandomTransform([10, 20, 3], seed);
      expect(Math.abs(p.theta)).toBeLessThanOrEqual(40);
      expect(Math.abs(p.ty)).toBeLessThanOrEqual(0.2 * 20);
      expect(Math.abs(p.tx)).toBeLessThanOrEqual(3);
      expect(p.zx).toBeGreaterThanOrEqual(0.5);
      expect(p.zy).toBeLessThanOrEqual(0.9);
      expect(p.brightness).toBeGreaterThanOrEqual(0.2);
      expect(p.flipVertical).toBe(false);
    }
    expect(generator.getRandomTransform([10, 20, 3], 3)).toEqual(generator.getRandomTransform([10, 20, 3], 3));
    const image = tf.tensor3d([1, 2, 3, 4], [2, 2, 1]);
    const flipped = new ImageDataGenerator().applyTransform(image, { ...generator.getRandomTransform([2, 2], 0), theta: 0, tx: 0, ty: 0, shear: 0, zx: 1, zy: 1, flipHorizontal: true, channelShiftIntensity: 0, brightness: null });
    expect(Array.from(flipped.dataSync())).toEqual([2, 1, 4, 3]);
    tf.dispose([image, flipped]);
  });
});

describe('ImageDataGenerator.fit, transforms and flow’s arguments', () => {
  /** One 2×2 image of one channel, every pixel 100. */
  const flat = () => ({ values: new Float32Array(4).fill(100), shape: [1, 2, 2, 1] });

  it('fits on uint8 values as on floats, after rescale, the mean alone for featurewiseCenter', () => {
    const bytes = { values: Uint8Array.from({ length: 32 }, (_, i) => i), shape: [2, 4, 4, 1] };
    const centred = new ImageDataGenerator({ featurewiseCenter: true, rescale: 0.5 });
    centred.fit(bytes);
    // The mean of 0…31 is 15.5, halved by rescale: 7.75 (an integer mean would be 7 or 8).
    expect(Array.from(centred.statistics.mean!)).toEqual([7.75]);
    expect(centred.statistics.std).toBeUndefined();
    const scaled = new ImageDataGenerator({ featurewiseStdNormalization: true });
    scaled.fit(bytes);
    expectArraysClose(scaled.statistics.std!, [Math.sqrt((32 * 32 - 1) / 12)], 1e-4);
    // Transformed copies of uint8 values too are those of their float values (not rounded to integers).
    const rotating = (values: ArrayLike<number>) => {
      const generator = new ImageDataGenerator({ featurewiseCenter: true, rotationRange: 45 });
      generator.fit({ values, shape: [2, 4, 4, 1] }, { augment: true, seed: 2 });
      return generator.statistics.mean![0];
    };
    expect(rotating(bytes.values)).toBeCloseTo(rotating(Float32Array.from(bytes.values)), 5);
    const plain = new ImageDataGenerator();
    plain.fit(bytes);
    expect(plain.statistics).toEqual({});
    [centred, scaled, plain].forEach((generator) => generator.dispose());
  });

  it('fits on rounds of transformed copies with augment, over many draws to their distribution', () => {
    // A constant image of 100 brightened by b ~ U[0.5, 1.5]: the pixels of r copies are 100·b for r draws.
    const generator = new ImageDataGenerator({ featurewiseStdNormalization: true, brightnessRange: [0.5, 1.5] });
    generator.fit(flat(), { augment: true, rounds: 1, seed: 4 });
    expect(Array.from(generator.statistics.std!)).toEqual([0]);
    generator.fit(flat());
    expect(Array.from(generator.statistics.mean!)).toEqual([100]);
    // 40 images × 50 rounds: 2 000 draws, as 2 000 rounds of one image were, in 50 batched transforms instead of 2 000.
    const forty = { values: new Float32Array(40 * 4).fill(100), shape: [40, 2, 2, 1] };
    generator.fit(forty, { augment: true, rounds: 1, seed: 4 });
    const oneRound = generator.statistics.mean![0];
    generator.fit(forty, { augment: true, rounds: 50, seed: 4 });
    // The first round draws what rounds: 1 drew; the other 49 count too.
    expect(generator.statistics.mean![0]).not.toBe(oneRound);
    // Mean 100 and std 100/√12 ≈ 28.87 for U[50, 150]; over 2 000 draws the mean's σ is 0.65, the
    // std's 0.29 (σ·√(0.2/n), a uniform's kurtosis being 1.8). The bounds kept, 5 · 0.65 and 5 · 0.32
    // (5.0 σ and 5.5 σ), fail a correct generator with probability ≈ 4.8·10⁻⁷ + 3·10⁻⁸ for a random seed.
    expect(Math.abs(generator.statistics.mean![0] - 100)).toBeLessThan(5 * 0.65);
    expect(Math.abs(generator.statistics.std![0] - 100 / Math.sqrt(12))).toBeLessThan(5 * 0.32);
    for (const rounds of [0, 1.5]) {
      expect(() => generator.fit(flat(), { augment: true, rounds })).toThrow(new RangeError(`Expected rounds to be an integer ≥ 1 in ImageDataGenerator.fit, received ${rounds}`));
    }
    generator.dispose();
  });

  it('transforms a flow’s batches when asked: brightness 2 doubles images within [0, 255]', () => {
    const batch = new ImageDataGenerator({ brightnessRange: [2, 2] }).flow(images(1)).nextBatch();
    expect(Array.from(batch.x.dataSync())).toEqual(Array.from({ length: 16 }, (_, i) => 2 * i));
    batch.x.dispose();
  });

  it('names a bad x, a seed of the wrong type or value, with the error class of each', () => {
    const generator = new ImageDataGenerator({ rotationRange: 10 });
    expect(() => generator.fit({ values: [1, 2, 3], shape: [1, 2, 2, 1] })).toThrow('Expected 4 values for x of shape [1,2,2,1], received 3');
    expect(() => generator.getRandomTransform([2, 2], Number.NaN)).toThrow(new RangeError('Expected seed to be a number in ImageDataGenerator.getRandomTransform, received NaN'));
    expect(() => generator.getRandomTransform([2, 2], '1' as never)).toThrow(new TypeError('Expected seed to be a number in ImageDataGenerator.getRandomTransform, received "1"'));
    expect(() => generator.getRandomTransform([2, 2], Number.NaN)).toThrow(RangeError);
    expect(() => generator.getRandomTransform([2, 2], '1' as never)).toThrow(TypeError);
    expect(() => generator.fit(images(1), { rounds: 0 })).toThrow(RangeError);
  });

  it('gives the identity, a copy of it, without transforms; randomTransform applies getRandomTransform of its seed', () => {
    const plain = new ImageDataGenerator();
    const identity = plain.getRandomTransform([2, 2, 1], 3);
    expect(identity).toEqual({ theta: 0, tx: 0, ty: 0, shear: 0, zx: 1, zy: 1, flipHorizontal: false, flipVertical: false, channelShiftIntensity: 0, brightness: null });
    identity.theta = 45;
    expect(plain.getRandomTransform([2, 2, 1]).theta).toBe(0);
    const generator = new ImageDataGenerator({ rotationRange: 90, horizontalFlip: true, brightnessRange: [0.5, 1.5] });
    const image = tf.tensor3d(Array.from({ length: 9 }, (_, i) => i * 10), [3, 3, 1]);
    const random = generator.randomTransform(image, 6);
    const applied = generator.applyTransform(image, generator.getRandomTransform([3, 3, 1], 6));
    expect(Array.from(random.dataSync())).toEqual(Array.from(applied.dataSync()));
    expect(Array.from(random.dataSync())).not.toEqual(Array.from(image.dataSync()));
    tf.dispose([image, random, applied]);
  });

  it('leaves no tensor behind from a transforming flow, and tells targets from options by their kind', async () => {
    const generator = new ImageDataGenerator({ rotationRange: 30 });
    await expectNoLeakedTensors(async () => {
      for await (const batch of generator.flow(images(3), labels(3), { batchSize: 2 })) tf.dispose([batch.x, batch.y!]);
    });
    const y = tf.tensor1d([7, 8]);
    const batch = new ImageDataGenerator().flow(images(2), y).nextBatch();
    expect(Array.from(batch.y!.dataSync()).sort()).toEqual([7, 8]);
    tf.dispose([y, batch.x, batch.y!]);
    expect(() => generator.flow(images(2), null as never)).toThrow('Expected y to be a tensor or {values, shape}, received null');
    // With options third, the second argument is the targets, whatever it looks like.
    expect(() => generator.flow(images(2), { batchSize: 1 } as never, { batchSize: 2 })).toThrow('Expected y to be a tensor or {values, shape}, received object');
    expect(() => generator.flow(images(2), [0, 1] as never)).toThrow('Expected y to be a tensor or {values, shape}, received object');
  });
});
