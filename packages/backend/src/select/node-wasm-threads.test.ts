import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { getBackendInfo, selectBackend, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, seededArray } from '@dendrite/test-utils';
import { matMulModule } from '../kernels/wasm/mat-mul/mat-mul-module';
import { instantiateOn, isSharedMemory } from '../kernels/wasm/simd/simd-module';
import { wasmMemory } from '../kernels/wasm/wasm-kernel-context';
import { kernelPool } from '../kernels/wasm/threads/kernel-pool';

// This file starts the wasm backend threaded: it must be the first start of wasm in its process
// (vitest runs each file in a fresh worker).
describe('selectBackend({ threads }) in Node', () => {
  it('starts tfjs-backend-wasm’s threaded SIMD build with two threads, and Dendrite’s kernels run on its shared memory', async () => {
    const info = await selectBackend({ prefer: 'wasm', threads: 2 });
    expect([info.tfBackend, info.threads, getBackendInfo()?.threads]).toEqual(['wasm', 2, 2]);
    const memory = wasmMemory(tf.backend() as BackendWasm)!;
    expect(isSharedMemory(memory)).toBe(true);
    expect(instantiateOn(memory, matMulModule())?.matmul).toBeTypeOf('function');
    // One set of workers: XNNPACK keeps to the calling thread, Dendrite's pool has the other.
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    expect([wasm.getThreadsCount(), kernelPool(memory)?.threads]).toEqual([1, 2]);

    const [m, k, n] = [64, 300, 48];
    const a = seededArray(m * k, 1, 0, 1);
    const b = seededArray(k * n, 2, -0.1, 0.1);
    const compute = () => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n]));
    const before = tf.memory().numTensors;
    const [threaded] = await computeOn('wasm', compute);
    expect(tf.memory().numTensors).toBe(before);
    const [cpu] = await computeOn('cpu', compute);
    expectArraysClose(threaded, cpu, 1e-5);
    // A stock XNNPACK kernel on the threaded build: a convolution.
    const convolve = () => tf.conv2d(tf.tensor4d(seededArray(2 * 16 * 16 * 3, 3), [2, 16, 16, 3]), tf.tensor4d(seededArray(3 * 3 * 3 * 8, 4), [3, 3, 3, 8]), 1, 'same');
    const [wasmConv] = await computeOn('wasm', convolve);
    const [cpuConv] = await computeOn('cpu', convolve);
    expectArraysClose(wasmConv, cpuConv, 1e-4);
  }, 60_000);
});
