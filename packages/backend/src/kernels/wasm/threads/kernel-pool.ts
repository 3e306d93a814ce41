import type { MessagePort, Worker } from 'node:worker_threads';
import { compiledFor, isSharedMemory } from '../simd/simd-module';
import type { PooledKernels } from './pooled-kernels';

// The control block's Int32 slots; each worker's arguments follow as float64s from ARGS_BYTE.
const [GENERATION, PENDING, MODULE, FUNCTION, PARTS, FAILED] = [0, 1, 2, 3, 4, 5];
const ARGS_BYTE = 64;
/** Arguments a pooled call takes at most. */
const MAX_ARGS = 16;

/**
 * The worker's loop: sleep on the generation slot; when it moves, take newly sent modules (sent
 * through a port, read synchronously: the worker never returns to its event loop), run its part
 * of the call if it has one, and count itself done.
 */
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { memory, control, port, index } = workerData;
const state = new Int32Array(control);
const args = new Float64Array(control, ${ARGS_BYTE});
const modules = [];
let seen = 0;
for (;;) {
  Atomics.wait(state, ${GENERATION}, seen);
  seen = Atomics.load(state, ${GENERATION});
  for (let message; (message = receiveMessageOnPort(port)); ) {
    const exports = new WebAssembly.Instance(message.message.module, { env: { memory } }).exports;
    modules[message.message.id] = message.message.names.map((name) => exports[name]);
  }
  if (index + 1 < Atomics.load(state, ${PARTS})) {
    try {
      const base = (index + 1) * ${MAX_ARGS};
      modules[Atomics.load(state, ${MODULE})][Atomics.load(state, ${FUNCTION})](...args.subarray(base, base + ${MAX_ARGS}));
    } catch (error) {
      Atomics.store(state, ${FAILED}, 1);
    }
    Atomics.sub(state, ${PENDING}, 1);
    Atomics.notify(state, ${PENDING});
  }
}`;

/**
 * A pool of workers that run Dendrite's SIMD kernels on the wasm backend's shared memory. A call
 * is split by the caller into parts (row ranges, byte ranges); the calling thread runs the first
 * part and the workers the others, each on the same memory, and `run` returns when all are done —
 * synchronously, as kernels are. Each part's sums are the one-thread kernel's sums for its rows,
 * so a split call equals the one-thread call bit for bit.
 */
export class KernelPool implements PooledKernels {
  private readonly state: Int32Array;
  private readonly args: Float64Array;
  private readonly ports: MessagePort[] = [];
  private readonly workers: Worker[] = [];
  private readonly moduleIds = new WeakMap<Uint8Array<ArrayBuffer>, number>();
  private readonly exportNames: string[][] = [];

  /**
   * @param memory the wasm backend's shared memory
   * @param threads the threads a call runs on, the calling one included (workers: `threads − 1`)
   */
  constructor(private readonly memory: WebAssembly.Memory, readonly threads: number) {
    const { Worker, MessageChannel } = nodeWorkerThreads();
    const control = new SharedArrayBuffer(ARGS_BYTE + threads * MAX_ARGS * 8);
    this.state = new Int32Array(control, 0, ARGS_BYTE / 4);
    this.args = new Float64Array(control, ARGS_BYTE);
    for (let index = 0; index < threads - 1; index++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { memory, control, port: port2, index }, transferList: [port2] });
      // Idle workers sleep in Atomics.wait; they must not keep a finished process alive.
      worker.unref();
      this.ports.push(port1);
      this.workers.push(worker);
    }
  }

  /**
   * Runs `name` of `bytes` (instantiated on the pool's memory) once per entry of `parts`, each
   * entry that part's arguments, the first on the calling thread.
   *
   * @throws Error when a worker's part threw
   */
  run(bytes: Uint8Array<ArrayBuffer>, name: string, parts: ReadonlyArray<readonly number[]>, local: (...args: number[]) => void): void {
    if (parts.length > this.threads) throw new RangeError(`Expected at most ${this.threads} parts in a pooled call, received ${parts.length}`);
    const moduleId = this.register(bytes);
    parts.forEach((args, part) => {
      if (args.length > MAX_ARGS) throw new RangeError(`Expected at most ${MAX_ARGS} arguments in a pooled call, received ${args.length}`);
      this.args.set(args, part * MAX_ARGS);
    });
    Atomics.store(this.state, MODULE, moduleId);
    Atomics.store(this.state, FUNCTION, this.exportNames[moduleId].indexOf(name));
    Atomics.store(this.state, PARTS, parts.length);
    Atomics.store(this.state, FAILED, 0);
    Atomics.store(this.state, PENDING, parts.length - 1);
    Atomics.add(this.state, GENERATION, 1);
    Atomics.notify(this.state, GENERATION);
    try {
      local(...parts[0]);
    } finally {
      for (let pending; (pending = Atomics.load(this.state, PENDING)) !== 0; ) Atomics.wait(this.state, PENDING, pending);
    }
    if (Atomics.load(this.state, FAILED) !== 0) throw new Error(`Expected every worker's part of "${name}" to run, received a failure`);
  }

  /** Stops the workers. */
  terminate(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  private register(bytes: Uint8Array<ArrayBuffer>): number {
    let id = this.moduleIds.get(bytes);
    if (id !== undefined) return id;
    const module = compiledFor(this.memory, bytes)!;
    id = this.exportNames.length;
    const names = WebAssembly.Module.exports(module).map((entry) => entry.name);
    this.exportNames.push(names);
    for (const port of this.ports) port.postMessage({ id, module, names });
    this.moduleIds.set(bytes, id);
    return id;
  }
}

function nodeWorkerThreads(): typeof import('node:worker_threads') {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof get !== 'function') throw new Error('Expected Node.js (≥ 20.16) for the kernel pool, received a runtime without node:worker_threads');
  return get('node:worker_threads') as typeof import('node:worker_threads');
}

let requestedThreads = 1;
let pool: PooledKernels | undefined;

/**
 * Sets the threads Dendrite's SIMD kernels split their work over (selectBackend passes the wasm
 * backend's thread count). One thread, a memory that is not shared, or a runtime without
 * `worker_threads` runs every kernel on the calling thread.
 */
export function setKernelThreads(threads: number): void {
  if (threads === requestedThreads) return;
  requestedThreads = Math.max(1, Math.floor(threads));
  pool?.terminate();
  pool = undefined;
}

/**
 * Makes kernels split over `started` (a page's pool, which starts asynchronously: see
 * BrowserKernelPool.start), replacing any pool before it.
 */
export function useKernelPool(started: PooledKernels): void {
  pool?.terminate();
  pool = started;
  requestedThreads = started.threads;
}

/** The threads kernels run on now. */
export const kernelThreads = (): number => requestedThreads;

/** The pool for `memory`, started on first use; undefined when kernels run on one thread. */
export function kernelPool(memory: WebAssembly.Memory): PooledKernels | undefined {
  if (requestedThreads < 2 || !isSharedMemory(memory)) return undefined;
  if (pool === undefined) {
    try {
      pool = new KernelPool(memory, requestedThreads);
    } catch {
      requestedThreads = 1;
      return undefined;
    }
  }
  return pool;
}

/**
 * `count` items cut into at most `parts` contiguous ranges of multiples of `step` (the last takes
 * the rest), as `[start, end)` pairs; empty ranges are left out.
 */
export function splitRange(count: number, parts: number, step = 1): Array<[number, number]> {
  const units = Math.ceil(count / step);
  const ranges: Array<[number, number]> = [];
  for (let part = 0, start = 0; part < parts && start < count; part++) {
    const end = Math.min(count, start + Math.ceil((units - start / step) / (parts - part)) * step);
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}
