import { describe, expect, it } from 'vitest';
import { countUp } from './simd-loops';
import { simdFunction } from './simd-function';
import { F32, I32, V128, encodeSimdModule, instantiateOn, op } from './simd-module';

describe('simdFunction', () => {
  it('numbers parameters first, then locals, in declaration order, groups slot by slot', () => {
    let seen: Record<string, unknown> = {};
    const fn = simdFunction('f', { params: { a: I32, b: F32 }, locals: { i: I32, group: [V128, V128, I32], last: V128 } }, (slots) => {
      seen = { ...slots };
      return [];
    });
    expect(seen).toEqual({ a: 0, b: 1, i: 2, group: [3, 4, 5], last: 6 });
    expect(fn).toEqual({ name: 'f', params: [I32, F32], locals: [I32, V128, V128, I32, V128], body: [] });
  });

  it('refuses a name given twice', () => {
    expect(() => simdFunction('f', { params: { a: I32 }, locals: { a: I32 } }, () => [])).toThrow('Expected each slot name once in SIMD function "f", received "a" twice');
  });

  it('builds a function that runs: fills bytes with a constant vector', () => {
    const fill = simdFunction('fill', { params: { out: I32, bytes: I32, value: F32 }, locals: { offset: I32, splat: V128 } }, ({ out, bytes, value, offset, splat }) => [
      op.get(value), op.f32x4Splat, op.set(splat),
      ...countUp(offset, bytes, [op.get(out), op.get(offset), op.i32Add, op.get(splat), op.v128Store], 16),
    ]);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const exports = instantiateOn(memory, encodeSimdModule([fill]));
    if (!exports) return expect(WebAssembly.validate(encodeSimdModule([fill]))).toBe(false);
    (exports.fill as (...args: number[]) => void)(16, 32, 2.5);
    expect([...new Float32Array(memory.buffer, 0, 16)]).toEqual([0, 0, 0, 0, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 0, 0, 0, 0]);
  });
});
