import { describe, expect, it } from 'vitest';
import { seededArray } from '@dendrite/test-utils';
import { adamStep } from './adam-step';
import { ADAM_MODULE } from './adam-module';
import { instantiateOn } from '../simd/simd-module';

type Attributes = { alpha: number; beta1: number; beta2: number; epsilon: number };

/**
 * Runs the module's `adam` on fresh memory over w, g, m, v as given, checks that its outputs equal
 * {@link adamStep}'s bit for bit, and returns them (variable, momentum, velocity).
 */
function adamOnOwnMemory(inputs: ArrayLike<number>[], attributes: Attributes): Float32Array[] {
  const size = inputs[0].length;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const adam = instantiateOn(memory, ADAM_MODULE)!.adam as (...args: number[]) => void;
  expect(instantiateOn(memory, ADAM_MODULE)!.adam).toBe(adam);
  const arrays = Array.from({ length: 7 }, (_, index) => new Float32Array(memory.buffer, index * size * 4, size));
  inputs.forEach((values, index) => arrays[index].set(values));
  const [w, g, m, v] = arrays;
  adam(...arrays.map((array) => array.byteOffset), size * 4, 1 - attributes.beta1, 1 - attributes.beta2, attributes.alpha, attributes.epsilon);
  const expected = { variable: new Float32Array(size), momentum: new Float32Array(size), velocity: new Float32Array(size) };
  adamStep(w, g, m, v, expected, attributes);
  expect(arrays[4]).toEqual(expected.variable);
  expect(arrays[5]).toEqual(expected.momentum);
  expect(arrays[6]).toEqual(expected.velocity);
  return arrays.slice(4);
}

describe('the Adam SIMD module', () => {
  it('computes what adamStep computes, bit for bit, on its own memory', () => {
    const size = 64;
    const v = seededArray(size, 4, 0, 2);
    v[5] = 0;
    adamOnOwnMemory([seededArray(size, 1), seededArray(size, 2, -3, 3), seededArray(size, 3), v], { alpha: 0.013, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
  });

  it('flushes subnormal slots and steps to zero, as TensorFlow does, and keeps NaN', () => {
    const tiny = 2 ** -126;
    // Lane by lane: a subnormal gradient; a momentum that decays below 2⁻¹²⁶; a momentum whose step
    // α·m is subnormal; a NaN gradient; then ordinary values.
    const w = [1, 1, 1, 1, 0.5, -0.5, 2, 3];
    const g = [1e-39, 0, 0, NaN, 0.1, -0.2, 0.3, 0];
    const m = [0, 1.05 * tiny, 1e-36, 0, 0.01, 0.02, -0.03, 0];
    const v = [0, 0, 1e-20, 0, 0.001, 0.002, 0.003, 0];
    const [wOut, mOut, vOut] = adamOnOwnMemory([w, g, m, v], { alpha: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    // The subnormal gradient's momentum 1e-40 is flushed: nothing moves.
    expect([wOut[0], mOut[0], vOut[0]]).toEqual([1, 0, 0]);
    // 0.9·1.05·2⁻¹²⁶ is subnormal: the momentum becomes 0.
    expect([wOut[1], mOut[1]]).toEqual([1, 0]);
    // The momentum 9e-37 stays, but its step α·m ≈ 9e-40 is flushed: the weight does not move.
    expect(mOut[2]).toBeCloseTo(9e-37, 40);
    expect(wOut[2]).toBe(1);
    // NaN is not flushed away.
    expect([wOut[3], mOut[3], vOut[3]].every(Number.isNaN)).toBe(true);
    // No subnormal slot is written.
    for (const out of [mOut, vOut]) for (const value of out) expect(value !== 0 && Math.abs(value) < tiny).toBe(false);
  });
});
