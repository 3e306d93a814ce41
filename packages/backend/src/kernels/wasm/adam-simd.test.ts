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
});
