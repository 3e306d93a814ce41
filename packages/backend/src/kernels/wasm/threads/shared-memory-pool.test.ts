import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend, tf } from '@dendrite/backend';
import { COL2IM_MODULE } from '../conv2d-backprop-input/col2im-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, heapAddress, heapView, release, wasmMemory } from '../wasm-kernel-context';
import { KernelPool, setKernelThreads } from './kernel-pool';
import { SLOT, SharedMemoryPool, controlBlock, maxParts } from './shared-memory-pool';

type AddRuns = (destination: number, source: number, runs: number, runBytes: number, destinationStep: number, sourceStep: number) => void;

/**
 * A pool whose workers never start: every part a call leaves to them stays pending, and waiting
 * for it throws after a second (instead of waiting for ever).
 */
class PoolWithoutWorkers extends SharedMemoryPool {
  protected readonly afterClosing = 'nothing';
  constructor(memory: WebAssembly.Memory, threads: number) {
    super(memory, threads, controlBlock(threads));
  }
  protected sendModule(): void {}
  protected waitForParts(): void {
    for (const until = performance.now() + 1000; Atomics.load(this.state, SLOT.PENDING) !== 0; ) {
      if (performance.now() > until) throw new Error(`Expected every part done, received ${Atomics.load(this.state, SLOT.PENDING)} pending`);
    }
  }
  protected stopWorkers(): void {}
}

// The first start of wasm in this file's process: threaded, two threads. Each part adds 4 ones
// into a 16-byte counter of its own with col2im's addRuns, which is not idempotent: a part run
// twice, or not at all, shows.
describe('SharedMemoryPool: parts taken by whichever thread comes first', () => {
  let backend: BackendWasm;
  let memory: WebAssembly.Memory;
  let addRuns: AddRuns;
  let counters: tf.TensorInfo;
  let ones: tf.TensorInfo;
  const addOnes = (index: number) => [heapAddress(backend, counters) + index * 16, heapAddress(backend, ones), 1, 16, 0, 0];
  /** Each counter's first value (the four are equal when every run added to all four). */
  const counts = () => Array.from(heapView(backend, counters) as Float32Array).filter((_, index) => index % 4 === 0);

  beforeAll(async () => {
    await selectBackend({ prefer: 'wasm', threads: 2 });
    backend = tf.backend() as BackendWasm;
    memory = wasmMemory(backend)!;
    addRuns = instantiateOn(memory, COL2IM_MODULE)!.addRuns as AddRuns;
    counters = allocate(backend, [maxParts(2), 4], 'float32');
    ones = allocate(backend, [4], 'float32');
    heapView(backend, ones).fill(1);
  }, 60_000);
  afterAll(() => {
    release(backend, counters);
    release(backend, ones);
    setKernelThreads(2);
  });

  it('cuts a call into up to four parts per thread', () => {
    expect([maxParts(1), maxParts(2), maxParts(8), maxParts(100)]).toEqual([4, 8, 32, 255]);
    const pool = new PoolWithoutWorkers(memory, 2);
    expect(pool.parts).toBe(8);
    expect(() => pool.run(COL2IM_MODULE, 'addRuns', Array.from({ length: 9 }, (_, part) => addOnes(part % 8)), addRuns)).toThrow(
      new RangeError('Expected at most 8 parts in a pooled call of "addRuns", received 9'),
    );
  });

  it('the calling thread runs the first part, then every part no worker has started (a worker that never starts does not hold the call)', () => {
    heapView(backend, counters).fill(0);
    const pool = new PoolWithoutWorkers(memory, 2);
    const ran: number[] = [];
    const parts = Array.from({ length: 8 }, (_, part) => addOnes(part));
    pool.run(COL2IM_MODULE, 'addRuns', parts, (...args) => {
      ran.push(parts.findIndex((part) => part[0] === args[0]));
      addRuns(...(args as Parameters<AddRuns>));
    });
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(counts()).toEqual(new Array(8).fill(1));
  });

  it('a part the calling thread ran that threw is rethrown once every part is done; the parts after it are not run', () => {
    heapView(backend, counters).fill(0);
    const pool = new PoolWithoutWorkers(memory, 2);
    const parts = Array.from({ length: 4 }, (_, part) => addOnes(part));
    let calls = 0;
    const call = () => pool.run(COL2IM_MODULE, 'addRuns', parts, (...args) => {
      if (++calls === 2) throw new Error('part 1 failed');
      addRuns(...(args as Parameters<AddRuns>));
    });
    expect(call).toThrow(new Error('part 1 failed'));
    expect([calls, ...counts().slice(0, 4)]).toEqual([2, 1, 0, 0, 0]);
    // The pool still runs calls: nothing was left pending.
    pool.run(COL2IM_MODULE, 'addRuns', parts.slice(0, 2), addRuns);
    expect(counts().slice(0, 4)).toEqual([2, 1, 0, 0]);
  });

  it('on a Node pool, calls of 1 to 8 parts in turn run each part exactly once, whichever thread takes it', () => {
    heapView(backend, counters).fill(0);
    const pool = new KernelPool(memory, 2);
    try {
      for (let call = 0; call < 800; call++) {
        const parts = Array.from({ length: (call % 8) + 1 }, (_, part) => addOnes(part));
        pool.run(COL2IM_MODULE, 'addRuns', parts, addRuns);
      }
      // Counter p is added by the calls of more than p parts: 100 calls of each count.
      expect(counts()).toEqual([800, 700, 600, 500, 400, 300, 200, 100]);
    } finally {
      pool.terminate();
    }
  }, 60_000);
});
