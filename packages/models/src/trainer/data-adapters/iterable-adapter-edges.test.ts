import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/test-utils';
import { IterableDataAdapter, asTensor, isBatchSource, type BatchPart } from './iterable-adapter';

const single = (part: BatchPart) => [asTensor(part as never, 'x')];

/** Each batch's first input and sample weights (or null), read back and freed. */
async function collect(adapter: IterableDataAdapter): Promise<Array<[number[], number[] | null]>> {
  const seen: Array<[number[], number[] | null]> = [];
  for await (const batch of adapter.batches()) {
    seen.push([Array.from(batch.x[0].dataSync()), batch.sampleWeight ? Array.from(batch.sampleWeight.dataSync()) : null]);
    tf.dispose([...batch.x, ...batch.y, ...(batch.sampleWeight ? [batch.sampleWeight] : [])]);
  }
  return seen;
}

describe('IterableDataAdapter, edges', () => {
  beforeAll(() => useBackend('cpu'));

  it('counts steps only from a whole positive length', () => {
    const of = (length: unknown) => new IterableDataAdapter({ length, *[Symbol.iterator]() {} } as never, single, single).steps;
    expect([of(3), of(0), of(-1), of(1.5), of('3'), of(undefined)]).toEqual([3, null, null, null, null, null]);
    expect(new IterableDataAdapter({ length: 3, *[Symbol.iterator]() {} } as never, single, single, 5).steps).toBe(5);
  });

  it('tells streams from data and non-objects', () => {
    expect(isBatchSource(null)).toBe(false);
    expect(isBatchSource('abc')).toBe(false);
    expect(isBatchSource(tf.scalar(1))).toBe(false);
    expect(isBatchSource({ a: 1 })).toBe(false);
    expect(isBatchSource({ async *[Symbol.asyncIterator]() {} })).toBe(true);
  });

  it('reads the sample weights a batch carries, in each form', async () => {
    const source = [
      { xs: [[1]], ys: [[0]], sampleWeight: [0.5] },
      { x: [[2]], y: [[0]], sampleWeight: [2] },
      [[[3]], [[0]], [3]],
      { x: [[4]], y: [[0]] },
    ];
    expect(await collect(new IterableDataAdapter(source as never, single, single))).toEqual([[[1], [0.5]], [[2], [2]], [[3], [3]], [[4], null]]);
  });

  it('refuses {x} without y, naming the batch and its keys', async () => {
    const adapter = new IterableDataAdapter([{ xs: [[1]], ys: [[0]] }, { x: [[1]] }] as never, single, single);
    await expect(collect(adapter)).rejects.toThrow(new Error('Expected batch 1 to be {xs, ys}, {x, y} or [x, y], received keys [x]'));
  });

  it('restarts a re-iterable source with stepsPerEpoch that ran out at the start of an epoch, and ends an epoch short when it runs out later', async () => {
    let passes = 0;
    const source = {
      *[Symbol.iterator]() {
        passes++;
        yield { xs: [[passes * 10 + 1]], ys: [[0]] };
        yield { xs: [[passes * 10 + 2]], ys: [[0]] };
        yield { xs: [[passes * 10 + 3]], ys: [[0]] };
      },
    };
    const adapter = new IterableDataAdapter(source as never, single, single, 2);
    const firsts = async () => (await collect(adapter)).map(([x]) => x[0]);
    expect(await firsts()).toEqual([11, 12]);
    // One batch left: the epoch ends short; the next starts a fresh pass.
    expect(await firsts()).toEqual([13]);
    expect(await firsts()).toEqual([21, 22]);
  });
});
