import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';
import { MAT_MUL_MODULE } from './mat-mul-module';
import { instantiateOn } from '../simd/simd-module';

type Case = { m: number; k: number; n: number; transposeA: boolean; transposeB: boolean };

// The MLP's shapes and their gradients' shapes (10 columns: transposed, or the stock kernel with a
// bias), plus a depth of one and odd depths.
const cases: Case[] = [];
for (const [m, k, n] of [[128, 784, 128], [784, 128, 128], [128, 10, 128], [128, 128, 10], [2, 1, 16], [6, 33, 48]] as const) {
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) cases.push({ m, k, n, transposeA, transposeB });
  }
}

function operands({ m, k, n, transposeA, transposeB }: Case) {
  const aShape: [number, number] = transposeA ? [k, m] : [m, k];
  const bShape: [number, number] = transposeB ? [n, k] : [k, n];
  // The MLP's scales: pixels in [0, 1), Glorot-sized weights. (Against cpu's float64 sums, float32
  // sums of 784 terms of ±1 each drift past 1e-5; the module test checks the summation exactly.)
  return { a: seededArray(m * k, 1, 0, 1), b: seededArray(k * n, 2, -0.1, 0.1), bias: seededArray(n, 3), aShape, bShape };
}

describe('the SIMD matmul module', () => {
  it('sums a·b + bias in order in float32, then relu, bit for bit, on its own memory', () => {
    const [m, k, n] = [4, 300, 32];
    const memory = new WebAssembly.Memory({ initial: 1 });
    const matmul = instantiateOn(memory, MAT_MUL_MODULE)!.matmul as (...args: number[]) => void;
    let offset = 0;
    const [a, b, c, bias] = [m * k, k * n, m * n, n].map((size) => new Float32Array(memory.buffer, (offset += size * 4) - size * 4, size));
    a.set(seededArray(m * k, 4));
    b.set(seededArray(k * n, 5));
    bias.set(seededArray(n, 6));
    matmul(a.byteOffset, b.byteOffset, c.byteOffset, bias.byteOffset, m, n * 4, k, k * 4, 4, 1, 1);
    const expected = new Float32Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum = Math.fround(sum + Math.fround(a[i * k + p] * b[p * n + j]));
        expected[i * n + j] = Math.max(0, Math.fround(sum + bias[j]));
      }
    }
    expect(c).toEqual(expected);
  });
});

describe('wasm matmul on the SIMD kernel', () => {
  it.each(cases)('matMul %j equals the cpu backend', async (testCase) => {
    const { a, b, aShape, bShape } = operands(testCase);
    const compute = () => tf.matMul(tf.tensor2d(a, aShape), tf.tensor2d(b, bShape), testCase.transposeA, testCase.transposeB);
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected, 1e-5);
  });

  it.each(cases)('fused matMul + bias + relu %j equals the cpu backend', async (testCase) => {
    const { a, b, bias, aShape, bShape } = operands(testCase);
    const compute = () =>
      tf.fused.matMul({
        a: tf.tensor2d(a, aShape),
        b: tf.tensor2d(b, bShape),
        transposeA: testCase.transposeA,
        transposeB: testCase.transposeB,
        bias: tf.tensor1d(bias),
        activation: 'relu',
      });
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected, 1e-5);
  });

  it('leaves no tensor behind, transposed operands and transposed products included', async () => {
    await useBackend('wasm');
    const a = tf.tensor2d(seededArray(32 * 16, 7), [32, 16]);
    const b = tf.tensor2d(seededArray(32 * 16, 8), [32, 16]);
    const narrow = tf.tensor2d(seededArray(16 * 6, 9), [16, 6]);
    const wide = tf.tensor2d(seededArray(16 * 32, 10), [16, 32]);
    const products = [
      () => tf.matMul(a, b, false, true),
      () => tf.matMul(a, narrow),
      () => tf.matMul(wide, narrow, true, false),
    ];
    for (const multiply of products) {
      const values = await expectNoLeakedTensors(() => {
        const product = multiply();
        const result = product.dataSync().slice();
        product.dispose();
        return result;
      });
      expect(values.length).toBeGreaterThan(0);
    }
    tf.dispose([a, b, narrow, wide]);
  });
});
