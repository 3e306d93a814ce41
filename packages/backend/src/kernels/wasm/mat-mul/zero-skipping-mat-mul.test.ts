import { describe, expect, it } from 'vitest';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';
import { MAT_MUL_MODULE } from './mat-mul-module';
import { instantiateOn } from '../simd/simd-module';
import { heapAddress, wasmMemory } from '../wasm-kernel-context';
import { zeroSkippingMatMul } from './zero-skipping-mat-mul';

/** `size` values in [0, 1), each kept with probability `density` and ±0 otherwise (signs mixed). */
function sparseArray(size: number, seed: number, density: number): Float32Array {
  const keep = seededArray(size, seed + 100, 0, 1);
  return seededArray(size, seed, 0, 1).map((value, index) => (keep[index] < density ? value : index % 3 === 0 ? -0 : 0));
}

/** Runs the zero-skipping kernel on `a·b` (+ bias, relu) on wasm; the product, or undefined when it declined. */
async function skipping(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, bias?: tf.Tensor1D, relu = false): Promise<Float32Array | undefined> {
  const backend = tf.backend() as BackendWasm;
  const exports = instantiateOn(wasmMemory(backend)!, MAT_MUL_MODULE)!;
  const [rows, depth] = transposeA ? [a.shape[1], a.shape[0]] : a.shape;
  const columns = b.shape[1];
  const product = tf.zeros([rows, columns]);
  const done = zeroSkippingMatMul(backend, exports, {
    left: a, leftRowBytes: transposeA ? 4 : depth * 4, leftColumnBytes: transposeA ? rows * 4 : 4, right: b, product, bias, rows, columns, depth, relu,
  });
  const values = (await product.data()) as Float32Array;
  product.dispose();
  return done ? values : undefined;
}

/** The same product with the module's dense `matmul`, which sums every shared index in order. */
async function denseSimd(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, bias: tf.Tensor1D, relu: boolean): Promise<Float32Array> {
  const backend = tf.backend() as BackendWasm;
  const matmul = instantiateOn(wasmMemory(backend)!, MAT_MUL_MODULE)!.matmul as (...args: number[]) => void;
  const [rows, depth] = transposeA ? [a.shape[1], a.shape[0]] : a.shape;
  const columns = b.shape[1];
  const product = tf.zeros([rows, columns]);
  const address = (tensor: tf.Tensor) => heapAddress(backend, tensor);
  matmul(address(a), address(b), address(product), address(bias), rows, columns * 4, depth, transposeA ? 4 : depth * 4, transposeA ? rows * 4 : 4, 1, relu ? 1 : 0);
  const values = (await product.data()) as Float32Array;
  product.dispose();
  return values;
}

describe('zeroSkippingMatMul', () => {
  it.each([
    { rows: 128, depth: 784, columns: 128, transposeA: false, density: 0.19 },
    { rows: 784, depth: 128, columns: 128, transposeA: true, density: 0.19 },
    { rows: 128, depth: 128, columns: 128, transposeA: false, density: 0.35 },
    { rows: 128, depth: 128, columns: 16, transposeA: true, density: 0.1 },
    { rows: 6, depth: 33, columns: 48, transposeA: false, density: 0 },
  ])('sums a sparse left operand bit for bit as the dense SIMD kernel does: %j', async ({ rows, depth, columns, transposeA, density }) => {
    await useBackend('wasm');
    const a = tf.tensor2d(sparseArray(rows * depth, 1, density), transposeA ? [depth, rows] : [rows, depth]);
    const b = tf.tensor2d(seededArray(depth * columns, 2, -0.1, 0.1), [depth, columns]);
    const bias = tf.tensor1d(seededArray(columns, 3));
    for (const relu of [false, true]) {
      const actual = await skipping(a, b, transposeA, bias, relu);
      expect(actual).toBeDefined();
      expect(actual).toEqual(await denseSimd(a, b, transposeA, bias, relu));
    }
    const [expected] = await computeOn('cpu', () => tf.matMul(tf.tensor2d(a.dataSync(), a.shape), tf.tensor2d(b.dataSync(), b.shape), transposeA, false));
    expectArraysClose((await skipping(a, b, transposeA))!, expected, 1e-5);
    tf.dispose([a, b, bias]);
  });

  it('declines a dense left operand, and a right operand holding NaN or an infinity', async () => {
    await useBackend('wasm');
    const dense = tf.tensor2d(sparseArray(32 * 40, 4, 0.9), [32, 40]);
    const sparse = tf.tensor2d(sparseArray(32 * 40, 5, 0.1), [32, 40]);
    const b = seededArray(40 * 16, 6);
    const finite = tf.tensor2d(b, [40, 16]);
    expect(await skipping(dense, finite, false)).toBeUndefined();
    expect(await skipping(sparse, finite, false)).toBeDefined();
    for (const bad of [NaN, Infinity, -Infinity]) {
      const withBad = tf.tensor2d(b.map((value, index) => (index === 40 * 16 - 3 ? bad : value)), [40, 16]);
      expect(await skipping(sparse, withBad, false)).toBeUndefined();
      withBad.dispose();
    }
    tf.dispose([dense, sparse, finite]);
  });

  it('keeps NaN where 0·NaN puts it, through tf.matMul, as cpu does', async () => {
    const a = sparseArray(8 * 20, 7, 0.1);
    const b = seededArray(20 * 16, 8);
    b[5 * 16 + 2] = NaN;
    const multiply = () => tf.matMul(tf.tensor2d(a, [8, 20]), tf.tensor2d(b, [20, 16]));
    const [expected] = await computeOn('cpu', multiply);
    const [actual] = await computeOn('wasm', multiply);
    expect(Array.from(actual, Number.isNaN)).toEqual(Array.from(expected, Number.isNaN));
    expect(Array.from(actual, Number.isNaN).filter(Boolean)).toHaveLength(8);
  });

  it('leaves no tensor behind, whether it runs or declines', async () => {
    await useBackend('wasm');
    const sparse = tf.tensor2d(sparseArray(64 * 64, 9, 0.2), [64, 64]);
    const dense = tf.tensor2d(seededArray(64 * 64, 10), [64, 64]);
    await expectNoLeakedTensors(async () => {
      for (const a of [sparse, dense]) {
        const product = tf.matMul(a, dense);
        await product.data();
        product.dispose();
        await skipping(a, dense, false);
      }
    });
    tf.dispose([sparse, dense]);
  });
});
