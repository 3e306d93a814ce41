import { createRandom } from '@dendrite/backend';
import { describeValue, argumentError } from '@dendrite/backend/internal';

/**
 * A count as tf.data takes it: an integer ≥ 0, or −1 for "all" (`take`, `skip`) or "forever"
 * (`repeat`); anything else is refused rather than read as something else.
 */
function checkCount(count: number, name: string, method: string): number {
  if (!(Number.isInteger(count) && count >= -1)) throw new Error(`Expected ${name} to be an integer ≥ 0 (or −1 for all) in Dataset.${method}, received ${describeValue(count)}`);
  return count;
}

/** Anything that yields elements, once or again and again. */
type Source<T> = () => AsyncIterator<T> | Iterator<T>;

/**
 * A lazy data pipeline, as `tf.data.Dataset`: `fromArrays` / `fromTensorSlices` / `fromGenerator`,
 * then `map`, `shuffle`, `batch`, `repeat`, `take`, `skip`, `prefetch`. It is an async iterable
 * (so `model.fit(dataset)` accepts it) and iterates afresh each time (each epoch).
 *
 * @example
 * ```ts
 * const data = Dataset.fromArrays({ xs: images, ys: labels }).shuffle(1000, 42).batch(32);
 * await model.fit(data, undefined, { epochs: 5 });
 * ```
 */
export class Dataset<T> implements AsyncIterable<T> {
  private constructor(private readonly source: Source<T>) {}

  /** Elements of an array (or any iterable that can be iterated again). */
  static from<T>(items: Iterable<T>): Dataset<T> {
    return new Dataset(() => items[Symbol.iterator]());
  }

  /**
   * One element per row of typed arrays with shapes: `{xs: {values, shape}, ys: …}` gives
   * `{xs: Float32Array row, ys: …}` elements (rows as typed arrays with their shapes).
   *
   * @throws Error when the arrays do not have the same number of rows
   */
  static fromArrays<K extends string>(arrays: Record<K, { values: ArrayLike<number> & { subarray?: unknown }; shape: number[] }>): Dataset<Record<K, { values: Float32Array; shape: number[] }>> {
    const keys = Object.keys(arrays) as K[];
    const rows = keys.map((key) => arrays[key].shape[0]);
    if (rows.some((count) => count !== rows[0])) {
      throw new Error(`Expected every array to have the same number of rows, received ${keys.map((k, i) => `${k}: ${rows[i]}`).join(', ')}`);
    }
    return new Dataset(function* () {
      for (let row = 0; row < rows[0]; row++) {
        const element = {} as Record<K, { values: Float32Array; shape: number[] }>;
        for (const key of keys) {
          const { values, shape } = arrays[key];
          const size = shape.slice(1).reduce((a, b) => a * b, 1);
          element[key] = { values: Float32Array.from({ length: size }, (_, i) => values[row * size + i]), shape: shape.slice(1) };
        }
        yield element;
      }
    });
  }

  /** `fromArrays` under TF.js's name. */
  static fromTensorSlices<K extends string>(arrays: Record<K, { values: ArrayLike<number>; shape: number[] }>) {
    return Dataset.fromArrays(arrays);
  }

  /** Elements from a generator function, called afresh for each pass. */
  static fromGenerator<T>(generator: () => Iterator<T> | AsyncIterator<T>): Dataset<T> {
    return new Dataset(generator);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const iterator = this.source();
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }

  /** Each element transformed by `transform`. */
  map<U>(transform: (element: T) => U | Promise<U>): Dataset<U> {
    const parent = this;
    return new Dataset(async function* () {
      for await (const element of parent) yield await transform(element);
    });
  }

  /**
   * Elements shuffled within a buffer of `bufferSize`, seeded (a new order every pass).
   *
   * @throws Error when bufferSize is not an integer ≥ 1 or seed is not a number
   */
  shuffle(bufferSize: number, seed?: number): Dataset<T> {
    if (!Number.isInteger(bufferSize) || bufferSize < 1) throw argumentError(bufferSize, 'number', `Expected bufferSize to be an integer ≥ 1 in Dataset.shuffle, received ${describeValue(bufferSize)}`);
    if (seed !== undefined && !(typeof seed === 'number' && Number.isFinite(seed))) throw argumentError(seed, 'number', `Expected seed to be a number in Dataset.shuffle, received ${describeValue(seed)}`);
    const parent = this;
    const draw = createRandom(seed);
    return new Dataset(async function* () {
      const buffer: T[] = [];
      for await (const element of parent) {
        buffer.push(element);
        if (buffer.length >= bufferSize) {
          const index = Math.floor(draw() * buffer.length);
          yield buffer[index];
          buffer[index] = buffer[buffer.length - 1];
          buffer.pop();
        }
      }
      while (buffer.length > 0) {
        const index = Math.floor(draw() * buffer.length);
        yield buffer[index];
        buffer[index] = buffer[buffer.length - 1];
        buffer.pop();
      }
    });
  }

  /**
   * Groups `size` elements into one: typed-array fields are stacked into `{values, shape}` with a
   * batch axis; the last batch may be short unless `dropRemainder` (tf.data's `drop_remainder`;
   * note that tfjs-data's second argument, `smallLastBatch`, means the opposite, so only a boolean is taken).
   *
   * @throws Error when size is not an integer ≥ 1 or dropRemainder is not a boolean
   */
  batch(size: number, dropRemainder = false): Dataset<T extends Record<string, unknown> ? Record<keyof T, { values: Float32Array; shape: number[] }> : T[]> {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Expected a batch size ≥ 1, received ${size}`);
    if (typeof dropRemainder !== 'boolean') throw new TypeError(`Expected dropRemainder to be a boolean in Dataset.batch, received ${describeValue(dropRemainder)}`);
    const parent = this;
    return new Dataset(async function* () {
      let group: T[] = [];
      for await (const element of parent) {
        group.push(element);
        if (group.length === size) {
          yield stack(group);
          group = [];
        }
      }
      if (group.length > 0 && !dropRemainder) yield stack(group);
    }) as never;
  }

  /**
   * The elements `count` times over (forever when count is undefined or −1, as tf.data).
   *
   * @throws Error when count is not an integer ≥ −1
   */
  repeat(count?: number): Dataset<T> {
    if (count !== undefined && checkCount(count, 'count', 'repeat') === -1) count = undefined;
    const parent = this;
    return new Dataset(async function* () {
      for (let pass = 0; count === undefined || pass < count; pass++) yield* parent;
    });
  }

  /**
   * The first `count` elements (all of them for −1, as tf.data).
   *
   * @throws Error when count is not an integer ≥ −1
   */
  take(count: number): Dataset<T> {
    if (checkCount(count, 'count', 'take') === -1) return this;
    const parent = this;
    return new Dataset(async function* () {
      if (count <= 0) return;
      let seen = 0;
      for await (const element of parent) {
        yield element;
        if (++seen >= count) return;
      }
    });
  }

  /**
   * All but the first `count` elements (none for −1, as tf.data).
   *
   * @throws Error when count is not an integer ≥ −1
   */
  skip(count: number): Dataset<T> {
    const skipped = checkCount(count, 'count', 'skip') === -1 ? Infinity : count;
    const parent = this;
    return new Dataset(async function* () {
      let seen = 0;
      for await (const element of parent) if (seen++ >= skipped) yield element;
    });
  }

  /**
   * Prepares up to `bufferSize` elements ahead while the consumer works on the current one
   * (tf.data's `AUTOTUNE`, −1, prepares 2).
   *
   * @throws Error when bufferSize is not an integer ≥ 1 or −1
   */
  prefetch(bufferSize = 1): Dataset<T> {
    if (!(Number.isInteger(bufferSize) && (bufferSize >= 1 || bufferSize === -1))) {
      throw argumentError(bufferSize, 'number', `Expected bufferSize to be an integer ≥ 1 (or −1, AUTOTUNE) in Dataset.prefetch, received ${describeValue(bufferSize)}`);
    }
    if (bufferSize === -1) bufferSize = 2;
    const parent = this;
    return new Dataset(async function* () {
      const iterator = parent[Symbol.asyncIterator]();
      const pending: Array<Promise<IteratorResult<T>>> = [];
      for (let i = 0; i < bufferSize; i++) pending.push(iterator.next());
      for (;;) {
        const next = await pending.shift()!;
        if (next.done) return;
        pending.push(iterator.next());
        yield next.value;
      }
    });
  }

  /** Every element, in an array (for small data sets and tests). */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const element of this) all.push(element);
    return all;
  }
}

/** Stacks rows: fields that are `{values, shape}` become one array with a batch axis. */
function stack<T>(group: T[]): unknown {
  const first = group[0] as unknown;
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return group;
  const out: Record<string, { values: Float32Array; shape: number[] }> = {};
  for (const key of Object.keys(first as object)) {
    const rows = group.map((element) => (element as Record<string, { values: ArrayLike<number>; shape: number[] }>)[key]);
    const size = rows[0].values.length;
    const values = new Float32Array(size * rows.length);
    rows.forEach((row, i) => values.set(row.values as ArrayLike<number>, i * size));
    out[key] = { values, shape: [rows.length, ...rows[0].shape] };
  }
  return out;
}
