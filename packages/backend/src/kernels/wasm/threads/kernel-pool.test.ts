import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { selectBackend, tf } from '@dendrite/backend';
import { fusedAdamUpdate } from '../../../ops/adam-update';
import { expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { wasmMemory } from '../wasm-kernel-context';
import { KernelPool, kernelPool, kernelThreads, setKernelThreads, splitRange } from './kernel-pool';

describe('splitRange', () => {
  it('cuts a count into contiguous ranges of multiples of the step, the last taking the rest', () => {
    expect(splitRange(10, 2, 2)).toEqual([[0, 6], [6, 10]]);
    expect(splitRange(128, 2, 2)).toEqual([[0, 64], [64, 128]]);
    expect(splitRange(48, 3, 16)).toEqual([[0, 16], [16, 32], [32, 48]]);
    expect(splitRange(3, 4)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(splitRange(0, 2)).toEqual([]);
  });
});

// The first start of wasm in this file's process: threaded, two threads.
describe('Dendrite’s SIMD kernels on two threads', () => {
  afterAll(() => setKernelThreads(2));

  /** `compute`'s values on one thread and on two, each read back, and the pooled functions' names; no tensor left behind. */
  async function onOneAndTwoThreads(compute: () => tf.Tensor | tf.Tensor[]): Promise<[Float32Array[], Float32Array[], string[]]> {
    const info = await selectBackend({ prefer: 'wasm', threads: 2 });
    expect(info.threads).toBe(2);
    const run = () => expectNoLeakedTensors(() => {
      const result = compute();
      const values = (Array.isArray(result) ? result : [result]).map((tensor) => tensor.dataSync() as Float32Array);
      tf.dispose(result);
      return values;
    });
    const pooled = vi.spyOn(KernelPool.prototype, 'run');
    try {
      setKernelThreads(1);
      const one = await run();
      expect(pooled).not.toHaveBeenCalled();
      setKernelThreads(2);
      expect(kernelThreads()).toBe(2);
      expect(kernelPool(wasmMemory(tf.backend() as BackendWasm)!)?.threads).toBe(2);
      const two = await run();
      expect(pooled).toHaveBeenCalled();
      return [one, two, pooled.mock.calls.map((call) => call[1])];
    } finally {
      pooled.mockRestore();
    }
  }

  it('the dense matmul, split by rows, equals the one-thread product bit for bit', async () => {
    const [m, k, n] = [128, 784, 128];
    const a = tf.tensor2d(seededArray(m * k, 1), [m, k]);
    const b = tf.tensor2d(seededArray(k * n, 2), [k, n]);
    const c = tf.tensor2d(seededArray(m * n, 9), [m, n]);
    // Plain, and a weight gradient's aᵀ·c (the left operand read through strides).
    const [one, two] = await onOneAndTwoThreads(() => [tf.matMul(a, b), tf.matMul(a, c, true, false)]);
    tf.dispose([a, b, c]);
    expect(two).toEqual(one);
  }, 60_000);

  it('the zero-skipping matmul (a sparse left operand), split by row pairs, equals the one-thread product bit for bit', async () => {
    const [m, k, n] = [128, 784, 128];
    const values = seededArray(m * k, 3).map((value, index) => (index % 5 === 0 ? value : 0));
    const a = tf.tensor2d(values, [m, k]);
    const b = tf.tensor2d(seededArray(k * n, 4), [k, n]);
    const [one, two] = await onOneAndTwoThreads(() => tf.matMul(a, b));
    tf.dispose([a, b]);
    expect(two).toEqual(one);
  }, 60_000);

  it('Adam, split by bytes, equals the one-thread step bit for bit', async () => {
    const size = 100_003;
    const [w, g, m] = [5, 6, 7].map((seed) => tf.tensor1d(seededArray(size, seed)));
    const v = tf.tensor1d(seededArray(size, 8, 0, 1));
    const [one, two] = await onOneAndTwoThreads(() => {
      const next = fusedAdamUpdate({ variable: w, gradient: g, momentum: m, velocity: v }, { alpha: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 })!;
      return [next.variable, next.momentum, next.velocity];
    });
    tf.dispose([w, g, m, v]);
    expect(two).toEqual(one);
  }, 60_000);

  it('column sums (a bias gradient), split by bands of columns, equal the one-thread sums bit for bit', async () => {
    const x = tf.tensor2d(seededArray(512 * 136, 10), [512, 136]);
    const [one, two] = await onOneAndTwoThreads(() => tf.sum(x, 0));
    tf.dispose(x);
    expect(two).toEqual(one);
  }, 60_000);

  it('the few-taps filter gradient (MNIST’s first convolution), split by bands of channels, equals the one-thread gradient bit for bit', async () => {
    const x = tf.tensor4d(seededArray(8 * 28 * 28, 11, 0, 1), [8, 28, 28, 1]);
    const dy = tf.tensor4d(seededArray(8 * 26 * 26 * 36, 12), [8, 26, 26, 36]);
    const filter = tf.zeros<tf.Rank.R4>([3, 3, 1, 36]);
    const gradient = tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tf.Tensor4D, 1, 'valid'), dy)));
    const [one, two] = await onOneAndTwoThreads(() => gradient(filter));
    tf.dispose([x, dy, filter]);
    expect(two).toEqual(one);
  }, 60_000);

  it('the chunked filter gradient (MNIST’s second convolution: patch rows copied by images, times dy) equals the one-thread gradient bit for bit', async () => {
    const x = tf.tensor4d(seededArray(4 * 13 * 13 * 32, 13, 0, 1), [4, 13, 13, 32]);
    const dy = tf.tensor4d(seededArray(4 * 11 * 11 * 64, 14), [4, 11, 11, 64]);
    const filter = tf.zeros<tf.Rank.R4>([3, 3, 32, 64]);
    const gradient = tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tf.Tensor4D, 1, 'valid'), dy)));
    const [one, two, pooled] = await onOneAndTwoThreads(() => gradient(filter));
    tf.dispose([x, dy, filter]);
    expect(pooled).toContain('copyImageRuns');
    expect(two).toEqual(one);
  }, 60_000);

  it('the col2im input gradient (MNIST’s second convolution), its product split by rows and its scatter by images, equals the one-thread gradient bit for bit', async () => {
    const x = tf.zeros<tf.Rank.R4>([8, 13, 13, 32]);
    const filter = tf.tensor4d(seededArray(3 * 3 * 32 * 64, 15), [3, 3, 32, 64]);
    const dy = tf.tensor4d(seededArray(8 * 11 * 11 * 64, 16), [8, 11, 11, 64]);
    const gradient = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(input as tf.Tensor4D, filter, 1, 'valid'), dy)));
    const [one, two, pooled] = await onOneAndTwoThreads(() => gradient(x));
    tf.dispose([x, dy, filter]);
    expect(pooled).toContain('addImageRuns');
    expect(two).toEqual(one);
  }, 60_000);

  it('the forward convolutions of the MNIST CNN (patches copied by images, their product split by row pairs; bias and relu) equal the one-thread outputs bit for bit', async () => {
    const images = tf.tensor4d(seededArray(16 * 28 * 28, 17, 0, 1).map((value) => (value < 0.6 ? 0 : value)), [16, 28, 28, 1]);
    const [first, second] = [tf.tensor4d(seededArray(3 * 3 * 32, 18), [3, 3, 1, 32]), tf.tensor4d(seededArray(3 * 3 * 32 * 64, 19), [3, 3, 32, 64])];
    const bias = tf.tensor1d(seededArray(64, 20));
    const x = tf.tensor4d(seededArray(8 * 13 * 13 * 32, 21, 0, 1), [8, 13, 13, 32]);
    const [one, two, pooled] = await onOneAndTwoThreads(() => [
      tf.conv2d(images, first, 1, 'valid'),
      tf.conv2d(x, second, 1, 'valid'),
      tf.fused.conv2d({ x, filter: second, strides: 1, pad: 'valid', bias, activation: 'relu' }),
    ]);
    tf.dispose([images, first, second, bias, x]);
    expect(pooled).toEqual(expect.arrayContaining(['copyImageFloats', 'copyImageRuns', 'matmul']));
    // The first value that differs in each output (-1: none); a diff of whole outputs takes minutes to print.
    expect(two.map((values, output) => values.findIndex((value, index) => !Object.is(value, one[output][index])))).toEqual([-1, -1, -1]);
  }, 60_000);

  it("padded forward convolutions ('same' on 11 × 14, strides 1 and 2: asymmetric pads) of 7 images, a count two threads do not divide, equal the one-thread outputs bit for bit", async () => {
    // An even count of output positions in all (7·11·14 and 7·6·7): an odd one goes to XNNPACK.
    const x = tf.tensor4d(seededArray(7 * 11 * 14 * 32, 24, 0, 1), [7, 11, 14, 32]);
    const filter = tf.tensor4d(seededArray(3 * 3 * 32 * 64, 25), [3, 3, 32, 64]);
    const bias = tf.tensor1d(seededArray(64, 26));
    const [one, two, pooled] = await onOneAndTwoThreads(() => [
      tf.conv2d(x, filter, 1, 'same'),
      tf.fused.conv2d({ x, filter, strides: 2, pad: 'same', bias, activation: 'relu' }),
    ]);
    tf.dispose([x, filter, bias]);
    expect(pooled).toContain('matmul');
    expect(two.map((values, output) => values.findIndex((value, index) => !Object.is(value, one[output][index])))).toEqual([-1, -1]);
  }, 60_000);

  it('the max-pool gradient (MNIST’s first pool), split by images, equals the one-thread gradient bit for bit', async () => {
    const x = tf.tensor4d(seededArray(8 * 26 * 26 * 32, 22), [8, 26, 26, 32]);
    const dy = tf.tensor4d(seededArray(8 * 13 * 13 * 32, 23), [8, 13, 13, 32]);
    const gradient = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(input as tf.Tensor4D, 2, 2, 'valid'), dy)));
    const [one, two, pooled] = await onOneAndTwoThreads(() => gradient(x));
    tf.dispose([x, dy]);
    expect(pooled).toContain('imageWindows');
    expect(two[0].findIndex((value, index) => !Object.is(value, one[0][index]))).toBe(-1);
  }, 60_000);
});
