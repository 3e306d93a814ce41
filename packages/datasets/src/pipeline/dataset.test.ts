import { describe, expect, it } from 'vitest';
import { Dataset } from './dataset';
import { padSequences, vectorizeSequences } from '../utils/sequences';

describe('Dataset', () => {
  const xs = { values: Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), shape: [5, 2] };
  const ys = { values: Float32Array.from([0, 1, 2, 3, 4]), shape: [5] };

  it('slices rows, batches them back with a batch axis, and iterates afresh each pass', async () => {
    const batches = await Dataset.fromArrays({ xs, ys }).batch(2).toArray();
    expect(batches.map((b) => b.xs.shape)).toEqual([[2, 2], [2, 2], [1, 2]]);
    expect(Array.from(batches[1].xs.values)).toEqual([4, 5, 6, 7]);
    const dataset = Dataset.from([1, 2, 3]);
    expect(await dataset.toArray()).toEqual([1, 2, 3]);
    expect(await dataset.toArray()).toEqual([1, 2, 3]);
    await expect(async () => Dataset.fromArrays({ xs, ys: { values: new Float32Array(3), shape: [3] } })).rejects.toThrow('Expected every array to have the same number of rows, received xs: 5, ys: 3');
  });

  it('maps, takes, skips, repeats and prefetches', async () => {
    const numbers = Dataset.from([1, 2, 3, 4]);
    expect(await numbers.map((n) => n * 10).toArray()).toEqual([10, 20, 30, 40]);
    expect(await numbers.skip(1).take(2).toArray()).toEqual([2, 3]);
    expect(await numbers.repeat(2).toArray()).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(await numbers.repeat().take(6).toArray()).toEqual([1, 2, 3, 4, 1, 2]);
    expect(await numbers.prefetch(2).toArray()).toEqual([1, 2, 3, 4]);
    expect(await numbers.batch(3).toArray()).toEqual([[1, 2, 3], [4]]);
    expect(await numbers.batch(3, true).toArray()).toEqual([[1, 2, 3]]);
    const generated = Dataset.fromGenerator(function* () {
      yield* [7, 8];
    });
    expect(await generated.toArray()).toEqual([7, 8]);
    expect(await generated.toArray()).toEqual([7, 8]);
  });

  it('shuffles within a buffer, repeatably for a seed, keeping every element', async () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = await Dataset.from(items).shuffle(10, 3).toArray();
    const b = await Dataset.from(items).shuffle(10, 3).toArray();
    expect(a).toEqual(b);
    expect(a).not.toEqual(items);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(() => Dataset.from(items).shuffle(0)).toThrow('Expected bufferSize to be an integer ≥ 1 in Dataset.shuffle, received 0');
    expect(() => Dataset.from(items).shuffle(10, { seed: 3 } as never)).toThrow('Expected seed to be a number in Dataset.shuffle, received {"seed":3}');
  });

  it('reads −1 as tf.data does (take all, skip all, repeat forever, prefetch AUTOTUNE)', async () => {
    const numbers = Dataset.from([1, 2, 3]);
    expect(await numbers.take(-1).toArray()).toEqual([1, 2, 3]);
    expect(await numbers.skip(-1).toArray()).toEqual([]);
    expect(await numbers.repeat(-1).take(5).toArray()).toEqual([1, 2, 3, 1, 2]);
    expect(await numbers.prefetch(-1).toArray()).toEqual([1, 2, 3]);
  });

  it('refuses a positional argument it would misread, rather than ignoring it', () => {
    const numbers = Dataset.from([1, 2, 3]);
    // tfjs-data's second argument (smallLastBatch) means the opposite of dropRemainder.
    expect(() => numbers.batch(2, { dropRemainder: true } as never)).toThrow('Expected dropRemainder to be a boolean in Dataset.batch, received {"dropRemainder":true}');
    expect(() => numbers.take(1.5)).toThrow('Expected count to be an integer ≥ 0 (or −1 for all) in Dataset.take, received 1.5');
    expect(() => numbers.skip(-2)).toThrow('in Dataset.skip, received -2');
    expect(() => numbers.repeat(Number.NaN)).toThrow('in Dataset.repeat, received NaN');
    expect(() => numbers.prefetch(0)).toThrow('Expected bufferSize to be an integer ≥ 1 (or −1, AUTOTUNE) in Dataset.prefetch, received 0');
  });
});

describe('sequence utilities', () => {
  it('pads and truncates as keras.utils.pad_sequences', () => {
    const sequences = [[1, 2, 3, 4], [5, 6], [7]];
    expect(Array.from(padSequences(sequences, { maxlen: 3 }).values)).toEqual([2, 3, 4, 0, 5, 6, 0, 0, 7]);
    expect(Array.from(padSequences(sequences, { maxlen: 3, padding: 'post', truncating: 'post', value: -1 }).values)).toEqual([1, 2, 3, 5, 6, -1, 7, -1, -1]);
    expect(padSequences(sequences).shape).toEqual([3, 4]);
    expect(() => padSequences(sequences, { padding: 'middle' as never })).toThrow('Expected padding to be "pre" or "post", received "middle"');
  });

  it('multi-hot encodes word indices (seed 004)', () => {
    const hot = vectorizeSequences([[0, 3, 3], [1]], 4);
    expect(Array.from(hot.values)).toEqual([1, 0, 0, 1, 0, 1, 0, 0]);
    expect(() => vectorizeSequences([[4]], 4)).toThrow('Expected word indices in [0, 4), received 4 in sequence 0');
  });
});
