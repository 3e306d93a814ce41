import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { tf } from '@dendrite/backend';
import { IterableDataAdapter, asTensor, isBatchSource, type BatchPart } from './iterable-adapter';

const single = (part: BatchPart) => [asTensor(part as never, 'x')];

async function collect(adapter: IterableDataAdapter): Promise<number[][]> {
  const seen: number[][] = [];
  for await (const batch of adapter.batches()) {
    seen.push(Array.from(batch.x[0].dataSync()));
    tf.dispose([...batch.x, ...batch.y]);
  }
  return seen;
}

describe('IterableDataAdapter', () => {
  beforeAll(() => useBackend('cpu'));

  it('recognises streams of batches but not data', () => {
    expect(isBatchSource([[1, 2]])).toBe(false);
    expect(isBatchSource({ values: [1], shape: [1] })).toBe(false);
    expect(isBatchSource((function* () {})())).toBe(true);
    expect(isBatchSource({ iterator: async () => ({ next: async () => ({ done: true, value: undefined }) }) })).toBe(true);
  });

  it('takes its steps from a source that knows its length, one pass per epoch', async () => {
    let passes = 0;
    const source = {
      length: 2,
      *[Symbol.iterator]() {
        passes++;
        yield { xs: [[passes * 10 + 1]], ys: [[0]] };
        yield { xs: [[passes * 10 + 2]], ys: [[0]] };
      },
    };
    const adapter = new IterableDataAdapter(source as never, single, single);
    expect(adapter.steps).toBe(2);
    expect(await collect(adapter)).toEqual([[11], [12]]);
    expect(await collect(adapter)).toEqual([[21], [22]]);
  });

  it('reads {xs, ys}, {x, y} and [x, y] batches and starts a re-iterable source over each epoch', async () => {
    const source = {
      *[Symbol.iterator]() {
        yield { xs: [[1]], ys: [[0]] };
        yield { x: [[2]], y: [[1]] };
        yield [[[3]], [[1]]] as [number[][], number[][]];
      },
    };
    const adapter = new IterableDataAdapter(source as never, single, single);
    expect(adapter.steps).toBeNull();
    expect(await collect(adapter)).toEqual([[1], [2], [3]]);
    expect(await collect(adapter)).toEqual([[1], [2], [3]]);
  });

  it('continues a one-shot generator across epochs with stepsPerEpoch, as Keras', async () => {
    async function* endless() {
      for (let i = 0; ; i++) yield { xs: tf.tensor2d([[i]]), ys: tf.tensor2d([[i]]) };
    }
    const adapter = new IterableDataAdapter(endless(), (p) => [p as tf.Tensor], (p) => [p as tf.Tensor], 2);
    expect(await collect(adapter)).toEqual([[0], [1]]);
    expect(await collect(adapter)).toEqual([[2], [3]]);
  });

  it('reads a TF.js-style dataset', async () => {
    const values = [[[5]], [[6]]];
    const dataset = {
      iterator: async () => {
        let i = 0;
        return { next: async () => (i < values.length ? { done: false, value: { xs: values[i], ys: values[i++] } } : { done: true, value: undefined }) };
      },
    };
    expect(await collect(new IterableDataAdapter(dataset as never, single, single))).toEqual([[5], [6]]);
  });

  it('names a malformed batch', async () => {
    const adapter = new IterableDataAdapter([{ inputs: 1 }] as never, single, single);
    await expect(collect(adapter)).rejects.toThrow('Expected batch 0 to be {xs, ys}, {x, y} or [x, y], received keys [inputs]');
  });
});
