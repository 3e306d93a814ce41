import { describeValue } from '@dendrite/backend/internal';

const STATE_SIZE = 624;
const SHIFT_SIZE = 397;

/**
 * NumPy's legacy `np.random.RandomState(seed)`, draw for draw, for the shuffles Keras and
 * scikit-learn make with it: `shuffle` and `permutation` give the same order as NumPy's for the
 * same integer seed. This is what lets `reuters()` split the newswires as Keras's `load_data` and
 * `trainTestSplit` split rows as scikit-learn's `train_test_split(random_state=…)`.
 *
 * The generator is MT19937 seeded as NumPy's `_legacy_seeding` does for an integer
 * (`init_genrand`), and `shuffle` is NumPy's Fisher–Yates from the end with the bounded draws of
 * `random_interval` (32-bit words masked to the next power of two, rejected above the bound).
 *
 * @example
 * ```ts
 * new NumpyRandomState(42).permutation(10); // Int32Array [8, 1, 5, 0, 7, 2, 9, 4, 3, 6], as NumPy's
 * ```
 */
export class NumpyRandomState {
  private readonly key = new Uint32Array(STATE_SIZE);
  private position = STATE_SIZE;

  /**
   * @param seed - an integer in [0, 2³² − 1], as NumPy accepts
   * @throws TypeError when `seed` is not an integer
   * @throws RangeError when `seed` is outside [0, 2³² − 1]
   */
  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new TypeError(`Expected seed to be an integer in NumpyRandomState, received ${describeValue(seed)}`);
    if (seed < 0 || seed > 0xffffffff) throw new RangeError(`Expected seed to be in [0, 2**32 - 1] in NumpyRandomState, received ${seed}`);
    this.key[0] = seed >>> 0;
    // Stryker disable next-line EqualityOperator: `i <= STATE_SIZE` only adds a write at key[624], past the end of a Uint32Array, where writes are dropped
    for (let i = 1; i < STATE_SIZE; i++) {
      const previous = this.key[i - 1] ^ (this.key[i - 1] >>> 30);
      this.key[i] = (Math.imul(1812433253, previous) + i) >>> 0;
    }
  }

  /** The next 32-bit word of the stream (NumPy's `next_uint32`). */
  nextUint32(): number {
    if (this.position >= STATE_SIZE) this.regenerate();
    let y = this.key[this.position++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A uniform integer in [0, max], as NumPy's `random_interval` for bounds below 2³².
   *
   * @throws RangeError when `max` is not an integer in [0, 2³² − 1]
   */
  interval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > 0xffffffff) throw new RangeError(`Expected max to be an integer in [0, 2**32 - 1] in NumpyRandomState.interval, received ${describeValue(max)}`);
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** Shuffles `items` in place as `RandomState.shuffle` does a 1-D array, and returns it. */
  shuffle<T extends { length: number; [index: number]: unknown }>(items: T): T {
    // Stryker disable next-line EqualityOperator: `i >= 0` adds a step at i = 0, where interval(0) returns 0 without drawing and the item swaps with itself
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const item = items[i];
      items[i] = items[j];
      items[j] = item;
    }
    return items;
  }

  /** 0…n−1 in the order of `RandomState.permutation(n)`. */
  permutation(n: number): Int32Array {
    return this.shuffle(Int32Array.from({ length: n }, (_, i) => i));
  }

  private regenerate(): void {
    const key = this.key;
    const twist = (i: number, j: number) => {
      const y = (key[i] & 0x80000000) | (key[i + 1 === STATE_SIZE ? 0 : i + 1] & 0x7fffffff);
      key[i] = key[j] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    };
    // Stryker disable next-line EqualityOperator: `i <= STATE_SIZE` only adds a twist of key[624], past the end of a Uint32Array, where the write is dropped
    for (let i = 0; i < STATE_SIZE; i++) twist(i, (i + SHIFT_SIZE) % STATE_SIZE);
    this.position = 0;
  }
}
