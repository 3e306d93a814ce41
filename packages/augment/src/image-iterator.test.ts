import { describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { ArrayIterator } from './array-iterator';
import { ImageDataGenerator } from './image-data-generator';
import { type BatchAugmenter, type FlowOptions, type ImageBatch, ImageIterator } from './image-iterator';

/** An augmenter that takes one draw per batch and keeps it, and leaves the images as they are. */
function recordingAugmenter(): BatchAugmenter & { draws: number[] } {
  const draws: number[] = [];
  return { draws, validationSplit: 0, augmentBatch: (images, draw) => (draws.push(draw()), images.clone()) };
}

/** An iterator whose batches are the sample indices themselves (no tensors): passes cost nothing. */
class IndexIterator extends ImageIterator {
  constructor(samples: number, options: FlowOptions = {}, augmenter: BatchAugmenter = recordingAugmenter()) {
    super(augmenter, samples, options, 'IndexIterator');
  }

  protected batch(indices: number[]): ImageBatch {
    return { x: indices as unknown as tf.Tensor4D };
  }
}

const indicesOf = (batch: ImageBatch) => batch.x as unknown as number[];

describe('ImageIterator', () => {
  it('orders a pass by Durstenfeld’s shuffle of the seed’s stream, n − 1 draws, the transforms drawing next', () => {
    const before = tf.memory().numTensors;
    const n = 7;
    const seed = 5;
    // The shuffle by hand: from the last slot down to the second, swap with a slot drawn in [0, i].
    const stream = createRandom(seed);
    const expected = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i >= 1; i--) {
      const j = Math.floor(stream() * (i + 1));
      [expected[i], expected[j]] = [expected[j], expected[i]];
    }
    const augmenter = recordingAugmenter();
    const x = { values: Float32Array.from({ length: n }, (_, i) => i), shape: [n, 1, 1, 1] };
    const batch = new ArrayIterator(augmenter, x, undefined, { batchSize: n, seed }).nextBatch();
    expect(Array.from(batch.x.dataSync())).toEqual(expected);
    batch.x.dispose();
    // The batch's transforms take the stream's n-th draw: the order took exactly n − 1 before it.
    expect(augmenter.draws).toEqual([stream()]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('draws every order of three equally often over 6 000 passes (within 5 σ), fixed points included', () => {
    const flow = new IndexIterator(3, { batchSize: 3, seed: 12 });
    const counts = new Map<string, number>();
    for (let pass = 0; pass < 6000; pass++) {
      const key = indicesOf(flow.nextBatch()).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
    // Each of the 6 orders: 1 000 expected, σ = √(6 000 · ⅙ · ⅚) ≈ 28.9.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(5 * 28.9);
  });

  it('takes one image, and a size the batch divides without an empty batch after the last', () => {
    expect(indicesOf(new IndexIterator(1, { shuffle: false }).nextBatch())).toEqual([0]);
    const flow = new IndexIterator(4, { batchSize: 2, shuffle: false });
    expect(flow.length).toBe(2);
    expect([...flow].map(indicesOf)).toEqual([[0, 1], [2, 3]]);
    expect([0, 1, 2].map(() => indicesOf(flow.nextBatch()))).toEqual([[0, 1], [2, 3], [0, 1]]);
  });

  it('leaves a subclass that declares no option keys free to take options of its own', () => {
    class Tagged extends ArrayIterator {}
    const x = { values: new Float32Array(4), shape: [4, 1, 1, 1] };
    const flow = new Tagged(new ImageDataGenerator(), x, undefined, { batchSize: 2, tag: 'mine' } as never);
    expect(flow.batchSize).toBe(2);
    expect(() => new ArrayIterator(new ImageDataGenerator(), x, undefined, { batchSize: 2, tag: 'mine' } as never)).toThrow(/^Unknown option "tag" in ImageDataGenerator\.flow/);
  });
});
