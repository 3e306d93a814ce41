import { existsSync } from 'node:fs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend, tf } from '@dendrite/backend';
import { COL2IM_MODULE } from '../conv2d-backprop-input/col2im-module';
import { COLUMN_SUM_MODULE } from '../column-sum/column-sum-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, heapAddress, heapView, release, wasmMemory } from '../wasm-kernel-context';
import { KernelPool, kernelPool, setKernelThreads } from './kernel-pool';

type AddRuns = (destination: number, source: number, runs: number, runBytes: number, destinationStep: number, sourceStep: number) => void;

/** The pool's workers: the tests kill one. */
const workersOf = (pool: unknown): Worker[] => (pool as { workers: Worker[] }).workers;

// The first start of wasm in this file's process: threaded, two threads. The calls add 4 ones
// into 16-byte counters with col2im's addRuns, which is not idempotent: a part run twice shows.
describe('KernelPool on two threads', () => {
  let backend: BackendWasm;
  let memory: WebAssembly.Memory;
  let addRuns: AddRuns;
  let counters: tf.TensorInfo;
  let ones: tf.TensorInfo;
  /** Arguments adding the ones `runs` times into counter `index`. */
  const addOnes = (index: number, runs = 1) => [heapAddress(backend, counters) + index * 16, heapAddress(backend, ones), runs, 16, 0, 0];

  beforeAll(async () => {
    await selectBackend({ prefer: 'wasm', threads: 2 });
    backend = tf.backend() as BackendWasm;
    memory = wasmMemory(backend)!;
    addRuns = instantiateOn(memory, COL2IM_MODULE)!.addRuns as AddRuns;
    counters = allocate(backend, [2, 4], 'float32');
    ones = allocate(backend, [4], 'float32');
    heapView(backend, ones).fill(1);
  }, 60_000);
  afterAll(() => {
    release(backend, counters);
    release(backend, ones);
    setKernelThreads(2);
  });

  it('runs each part once when calls of one part and of two alternate (a worker without a part never takes the next call’s)', () => {
    heapView(backend, counters).fill(0);
    const pool = new KernelPool(memory, 2);
    try {
      for (let call = 0; call < 1000; call++) {
        const parts = call % 2 === 0 ? [addOnes(0)] : [addOnes(0), addOnes(1)];
        pool.run(COL2IM_MODULE, 'addRuns', parts, addRuns);
      }
      expect(Array.from(heapView(backend, counters))).toEqual([...new Array(4).fill(1000), ...new Array(4).fill(500)]);
    } finally {
      pool.terminate();
    }
  }, 60_000);

  // A killed thread is seen in /proc/self/task: where there is no /proc (macOS, Windows) the pool
  // cannot tell, and the next module's hand-out would wait for ever (see KernelPool's TSDoc).
  it.runIf(existsSync('/proc/self/task'))('a killed worker holds no call (the calling thread takes its parts); the next module it cannot take makes that call throw naming the kernel, the pool closes and the next kernelPool() is a new one that runs', async () => {
    heapView(backend, counters).fill(0);
    const pool = kernelPool(memory)!;
    pool.run(COL2IM_MODULE, 'addRuns', [addOnes(0), addOnes(1)], addRuns);
    const threadId = (pool as unknown as { threadIds: Int32Array }).threadIds[1];
    await workersOf(pool)[0].terminate();
    for (const until = performance.now() + 10_000; existsSync(`/proc/self/task/${threadId}`) && performance.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 10));
    pool.run(COL2IM_MODULE, 'addRuns', [addOnes(0), addOnes(1, 2)], addRuns);
    expect(Array.from(heapView(backend, counters))).toEqual([2, 2, 2, 2, 3, 3, 3, 3]);

    // A module the pool has not handed out yet: the dead worker never takes it.
    const sumColumns = () => pool.run(COLUMN_SUM_MODULE, 'columnSum', [[heapAddress(backend, counters), heapAddress(backend, counters), 1, 16, 16]], () => {});
    expect(sumColumns).toThrow(/^Expected kernel worker 1 to finish its part of "columnSum", received its end \(its thread is gone\); the kernel pool is closed and the next call starts another$/);
    expect(pool.closed).toMatch(/kernel worker 1 its thread is gone during "columnSum"/);
    expect(() => pool.run(COL2IM_MODULE, 'addRuns', [addOnes(0)], addRuns)).toThrow(/Expected an open kernel pool for "addRuns", received one closed/);

    const next = kernelPool(memory)!;
    expect(next).not.toBe(pool);
    heapView(backend, counters).fill(0);
    next.run(COL2IM_MODULE, 'addRuns', [addOnes(0), addOnes(1, 3)], addRuns);
    expect(Array.from(heapView(backend, counters))).toEqual([1, 1, 1, 1, 3, 3, 3, 3]);
  }, 60_000);

  it('a worker whose program throws (a module it cannot instantiate) makes the call throw naming the kernel and closes the pool', () => {
    const pool = new KernelPool(memory, 2);
    try {
      // A copy has no shared-memory twin: the worker's instantiation on the shared memory fails.
      const unshared = new Uint8Array(COL2IM_MODULE);
      expect(() => pool.run(unshared, 'addRuns', [addOnes(0), addOnes(1)], addRuns)).toThrow(/Expected kernel worker 1 to finish its part of "addRuns", received its end \(its program threw\); the kernel pool is closed and the next call starts another$/);
      expect(pool.closed).toMatch(/its program threw/);
    } finally {
      pool.terminate();
    }
  }, 60_000);
});
