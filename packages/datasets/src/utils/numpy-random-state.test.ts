import { describe, expect, it } from 'vitest';
import { NumpyRandomState } from './numpy-random-state';

// Reference values printed by NumPy 2.4 (legacy RandomState, unchanged since NumPy 1.x):
// python3 -c "import numpy as np; print(np.random.RandomState(42).permutation(10).tolist())"
describe('NumpyRandomState', () => {
  it('draws the words of MT19937 as NumPy seeds it (RandomState(5489).randint(0, 2**32, 3))', () => {
    const state = new NumpyRandomState(5489);
    expect([state.nextUint32(), state.nextUint32(), state.nextUint32()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  it('permutes as RandomState.permutation and shuffle, past the first 624 words', () => {
    expect(Array.from(new NumpyRandomState(42).permutation(10))).toEqual([8, 1, 5, 0, 7, 2, 9, 4, 3, 6]);
    expect(Array.from(new NumpyRandomState(42).permutation(20640).subarray(0, 5))).toEqual([20046, 3024, 15663, 20484, 9814]);
    expect(new NumpyRandomState(113).shuffle(Array.from({ length: 20 }, (_, i) => i))).toEqual([14, 11, 19, 17, 1, 4, 8, 3, 13, 15, 16, 9, 0, 7, 6, 18, 12, 10, 2, 5]);
    // One stream across calls, as sklearn's and Keras's second shuffle continue the first.
    const state = new NumpyRandomState(0);
    expect(Array.from(state.permutation(100000).subarray(0, 5))).toEqual([3582, 60498, 53227, 21333, 3885]);
    expect(Array.from(state.permutation(7))).toEqual([1, 6, 3, 0, 4, 5, 2]);
  });

  it('refuses seeds NumPy refuses, naming them', () => {
    // NumPy: "ValueError: Seed must be between 0 and 2**32 - 1" for -1 and 2**32.
    expect(() => new NumpyRandomState(-1)).toThrow(new RangeError('Expected seed to be in [0, 2**32 - 1] in NumpyRandomState, received -1'));
    expect(() => new NumpyRandomState(2 ** 32)).toThrow(new RangeError('Expected seed to be in [0, 2**32 - 1] in NumpyRandomState, received 4294967296'));
    expect(() => new NumpyRandomState(1.5)).toThrow(new TypeError('Expected seed to be an integer in NumpyRandomState, received 1.5'));
    expect(() => new NumpyRandomState('7' as never)).toThrow(new TypeError('Expected seed to be an integer in NumpyRandomState, received "7"'));
  });

  it('takes the largest seed NumPy takes (RandomState(2**32 - 1).randint(0, 2**32, 3))', () => {
    const state = new NumpyRandomState(0xffffffff);
    expect([state.nextUint32(), state.nextUint32(), state.nextUint32()]).toEqual([419326371, 479346978, 3918654476]);
  });
});

describe('NumpyRandomState.interval', () => {
  it('draws nothing for a bound of 0, as random_interval returns 0 before drawing', () => {
    // NumPy: RandomState(5489).randint(0, 1) is 0 and the next randint(0, 2**32) is still the first word.
    const state = new NumpyRandomState(5489);
    expect(state.interval(0)).toBe(0);
    expect(state.nextUint32()).toBe(3499211612);
  });

  it('returns the whole word for the bound 2**32 - 1 (mask of all ones, nothing rejected)', () => {
    const state = new NumpyRandomState(5489);
    expect([state.interval(0xffffffff), state.interval(0xffffffff)]).toEqual([3499211612, 581869302]);
  });

  it('refuses a bound that is not an integer in [0, 2**32 - 1], naming it', () => {
    const state = new NumpyRandomState(0);
    const message = (received: string) => new RangeError(`Expected max to be an integer in [0, 2**32 - 1] in NumpyRandomState.interval, received ${received}`);
    expect(() => state.interval(-1)).toThrow(message('-1'));
    expect(() => state.interval(1.5)).toThrow(message('1.5'));
    expect(() => state.interval(2 ** 32)).toThrow(message('4294967296'));
  });
});
