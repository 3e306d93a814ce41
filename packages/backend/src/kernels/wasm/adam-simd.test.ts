import { describe, expect, it } from 'vitest';
import { seededArray } from '@dendrite/test-utils';
import { adamStep } from '../shared/adam-step';
import { ADAM_SIMD_MODULE } from './adam-simd';
import { instantiateOn } from './simd-module';

describe('the Adam SIMD module', () => {
  it('computes what adamStep computes, bit for bit, on its own memory', () => {
    const size = 64;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const adam = instantiateOn(memory, ADAM_SIMD_MODULE)!.adam as (...args: number[]) => void;
    expect(instantiateOn(memory, ADAM_SIMD_MODULE)!.adam).toBe(adam);
    const arrays = Array.from({ length: 7 }, (_, index) => new Float32Array(memory.buffer, index * size * 4, size));
    const [w, g, m, v] = arrays;
    w.set(seededArray(size, 1));
    g.set(seededArray(size, 2, -3, 3));
    m.set(seededArray(size, 3));
    v.set(seededArray(size, 4, 0, 2));
    v[5] = 0;
    const attributes = { alpha: 0.013, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
    adam(...arrays.map((array) => array.byteOffset), size * 4, 1 - attributes.beta1, 1 - attributes.beta2, attributes.alpha, attributes.epsilon);
    const expected = { variable: new Float32Array(size), momentum: new Float32Array(size), velocity: new Float32Array(size) };
    adamStep(w, g, m, v, expected, attributes);
    expect(arrays[4]).toEqual(expected.variable);
    expect(arrays[5]).toEqual(expected.momentum);
    expect(arrays[6]).toEqual(expected.velocity);
  });

  it('flushes subnormal slots and steps to zero, as TensorFlow does, and keeps NaN', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const adam = instantiateOn(memory, ADAM_SIMD_MODULE)!.adam as (...args: number[]) => void;
    const size = 8;
    const arrays = Array.from({ length: 7 }, (_, index) => new Float32Array(memory.buffer, index * size * 4, size));
    const [w, g, m, v] = arrays;
    const tiny = 2 ** -126;
    // Lane by lane: a subnormal gradient; a momentum that decays below 2⁻¹²⁶; a momentum whose step
    // α·m is subnormal; a NaN gradient; then ordinary values.
    w.set([1, 1, 1, 1, 0.5, -0.5, 2, 3]);
    g.set([1e-39, 0, 0, NaN, 0.1, -0.2, 0.3, 0]);
    m.set([0, 1.05 * tiny, 1e-36, 0, 0.01, 0.02, -0.03, 0]);
    v.set([0, 0, 1e-20, 0, 0.001, 0.002, 0.003, 0]);
    const attributes = { alpha: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
    adam(...arrays.map((array) => array.byteOffset), size * 4, 1 - attributes.beta1, 1 - attributes.beta2, attributes.alpha, attributes.epsilon);
    const expected = { variable: new Float32Array(size), momentum: new Float32Array(size), velocity: new Float32Array(size) };
    adamStep(w, g, m, v, expected, attributes);
    expect(arrays[4]).toEqual(expected.variable);
    expect(arrays[5]).toEqual(expected.momentum);
    expect(arrays[6]).toEqual(expected.velocity);
    // The subnormal gradient's momentum 1e-40 is flushed: nothing moves.
    expect([arrays[4][0], arrays[5][0], arrays[6][0]]).toEqual([1, 0, 0]);
    // 0.9·1.05·2⁻¹²⁶ is subnormal: the momentum becomes 0.
    expect([arrays[4][1], arrays[5][1]]).toEqual([1, 0]);
    // The momentum 9e-37 stays, but its step α·m ≈ 9e-40 is flushed: the weight does not move.
    expect(arrays[5][2]).toBeCloseTo(9e-37, 40);
    expect(arrays[4][2]).toBe(1);
    // NaN is not flushed away.
    expect([arrays[4][3], arrays[5][3], arrays[6][3]].every(Number.isNaN)).toBe(true);
    // No subnormal slot is written.
    for (const out of arrays.slice(5)) for (const value of out) expect(value !== 0 && Math.abs(value) < tiny).toBe(false);
  });
});
