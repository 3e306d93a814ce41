import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { ImageDataGenerator } from './image-data-generator';
import type { ImageBatch } from './image-iterator';

/** `n` images 1×1×1 whose pixel is their index. */
const images = (n: number) => ({ values: Float32Array.from({ length: n }, (_, i) => i), shape: [n, 1, 1, 1] });

/** The pixels of a batch (each image's index), its tensors disposed. */
function indices(batch: ImageBatch): number[] {
  const values = Array.from(batch.x.dataSync());
  tf.dispose([batch.x, batch.y, batch.sampleWeight].filter((tensor) => tensor !== undefined));
  return values;
}

describe('ArrayIterator', () => {
  it('makes ceil(n / batchSize) batches, the last one partial, and starts a new pass after the last', () => {
    const before = tf.memory().numTensors;
    const flow = new ImageDataGenerator().flow(images(5), undefined, { batchSize: 2, shuffle: false });
    expect([flow.length, flow.batchSize, flow.shuffle, flow.samples]).toEqual([3, 2, false, 5]);
    expect([0, 1, 2, 3].map(() => indices(flow.nextBatch()))).toEqual([[0, 1], [2, 3], [4], [0, 1]]);
    expect([...flow].map(indices)).toEqual([[0, 1], [2, 3], [4]]);
    expect(new ImageDataGenerator().flow(images(4), undefined, { batchSize: 4 }).length).toBe(1);
    expect(new ImageDataGenerator().flow(images(40)).length).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('shuffles each pass anew by default, every image once per pass, one seed one order', () => {
    const before = tf.memory().numTensors;
    const passes = (seed: number) => {
      const flow = new ImageDataGenerator().flow(images(8), undefined, { batchSize: 8, seed });
      expect(flow.shuffle).toBe(true);
      return [indices(flow.nextBatch()), indices(flow.nextBatch())];
    };
    const [first, second] = passes(11);
    expect([...first].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...second].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(first).not.toEqual(second);
    expect(first).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(passes(11)).toEqual([first, second]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('yields the sample weights and targets of the rows it takes, and no targets without y', () => {
    const before = tf.memory().numTensors;
    const weights = { values: Float32Array.from([0.5, 1, 2]), shape: [3] };
    const y = { values: Float32Array.from([10, 11, 12, 13, 14, 15]), shape: [3, 2] };
    const batch = new ImageDataGenerator({ validationSplit: 0.34 }).flow(images(3), y, { sampleWeight: weights, shuffle: false, subset: 'training', batchSize: 5 }).nextBatch();
    // floor(3 · 0.34) = 1 validation row first; training is rows 1 and 2.
    expect(Array.from(batch.sampleWeight!.dataSync())).toEqual([1, 2]);
    expect(batch.y!.shape).toEqual([2, 2]);
    expect(Array.from(batch.y!.dataSync())).toEqual([12, 13, 14, 15]);
    expect(indices(batch)).toEqual([1, 2]);
    const bare = new ImageDataGenerator().flow(images(2), undefined, { batchSize: 2 }).nextBatch();
    expect([bare.y, bare.sampleWeight]).toEqual([undefined, undefined]);
    indices(bare);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes the rows of a subset from plain arrays too, and names x, y or sampleWeight when its values do not fill its shape', () => {
    const before = tf.memory().numTensors;
    const generator = new ImageDataGenerator({ validationSplit: 0.5 });
    // Four images of two values each: training is rows 2 and 3, values 4…7.
    const x = { values: [0, 1, 2, 3, 4, 5, 6, 7], shape: [4, 1, 2, 1] };
    const batch = generator.flow(x, { values: [10, 11, 12, 13], shape: [4] }, { subset: 'training', sampleWeight: { values: [0.5, 1, 1.5, 2], shape: [4] }, shuffle: false, batchSize: 4 }).nextBatch();
    expect(Array.from(batch.y!.dataSync())).toEqual([12, 13]);
    expect(Array.from(batch.sampleWeight!.dataSync())).toEqual([1.5, 2]);
    expect(indices(batch)).toEqual([4, 5, 6, 7]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => generator.flow({ values: [1, 2, 3], shape: [4, 1, 1, 1] })).toThrow(new Error('Expected 4 values for x of shape [4,1,1,1], received 3'));
    expect(() => generator.flow(images(2), { values: [1], shape: [2] })).toThrow(new Error('Expected 2 values for y of shape [2], received 1'));
    expect(() => generator.flow(images(2), undefined, { sampleWeight: { values: [1], shape: [2] } })).toThrow(new Error('Expected 2 values for sampleWeight of shape [2], received 1'));
  });

  it('refuses a batch size, seed, subset or sample weights it cannot use, naming them', () => {
    const generator = new ImageDataGenerator({ validationSplit: 0.5 });
    const x = images(4);
    const owner = 'ImageDataGenerator.flow';
    expect(() => generator.flow(x, undefined, { batchSize: 0 })).toThrow(new RangeError(`Expected batchSize to be an integer ≥ 1 in ${owner}, received 0`));
    expect(() => generator.flow(x, undefined, { batchSize: 1.5 })).toThrow(new RangeError(`Expected batchSize to be an integer ≥ 1 in ${owner}, received 1.5`));
    expect(() => generator.flow(x, undefined, { batchSize: '2' as never })).toThrow(new TypeError(`Expected batchSize to be an integer ≥ 1 in ${owner}, received 2`));
    expect(() => generator.flow(x, undefined, { seed: Number.NaN })).toThrow(new RangeError(`Expected seed to be a number in ${owner}, received NaN`));
    expect(() => generator.flow(x, undefined, { seed: Infinity })).toThrow(RangeError);
    expect(() => generator.flow(x, undefined, { subset: 'test' as never })).toThrow(new Error(`Expected subset to be "training" or "validation" in ${owner}, received "test"`));
    expect(() => generator.flow(x, undefined, { sampleWeight: { values: [1, 1, 1], shape: [3] } })).toThrow(new Error(`Expected sampleWeight to have as many samples as x (4) in ${owner}, received 3`));
    expect(() => generator.flow({ values: new Float32Array(0), shape: [0, 1, 1, 1] })).toThrow(new Error(`Expected at least one image in ${owner}, received none`));
    // validationSplit 0.5 of one image leaves no validation rows.
    expect(() => generator.flow(images(1), undefined, { subset: 'validation' })).toThrow(new Error(`Expected at least one image in ${owner}, received none`));
  });
});
