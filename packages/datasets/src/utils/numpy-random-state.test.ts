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
    expect(() => new NumpyRandomState(-1)).toThrow(new RangeError('Expected seed to be in [0, 2**32 - 1] in NumpyRandomState, received -1'));
    expect(() => new NumpyRandomState(1.5)).toThrow(TypeError);
  });
});
