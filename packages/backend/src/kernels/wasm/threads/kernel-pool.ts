import type { MessagePort, Worker } from 'node:worker_threads';
import { isSharedMemory } from '../simd/simd-module';
import type { PooledKernels } from './pooled-kernels';
import { ARGS_BYTE, MAX_ARGS, SLOT, SharedMemoryPool, TAKE_PARTS_SOURCE, controlBlock, maxParts, workerSlots } from './shared-memory-pool';

/**
 * How long an idle worker spins on the control block before sleeping in `Atomics.wait`. The
 * pooled kernels of a training step come from a few tens of microseconds to a few milliseconds
 * apart; a worker woken from sleep starts 20–100 µs late (more on a loaded machine), about the
 * time of a small part. On an MNIST MLP step (2 threads, a loaded 2-core machine) the median step
 * went 7.1 → 6.4 → 5.5–5.9 → 4.5–6.0 ms for 0, 0.3, 1 and 3 ms of spin.
 */
export const WORKER_SPIN_MICROSECONDS = 3000;
/**
 * How long the calling thread, the parts all taken, spins before sleeping while the workers finish
 * theirs: short, since a caller asleep leaves its core to a worker the system has not yet run.
 */
export const CALLER_SPIN_MICROSECONDS = 100;
/** How often the calling thread, asleep waiting for a part, checks that the workers still run. */
const LIVENESS_MILLISECONDS = 50;

/**
 * The worker's loop: spin a while, then sleep, on the CALL slot; when it moves, instantiate newly
 * sent modules (sent through a port, read synchronously: the worker never returns to its event
 * loop) and count each in ACKS, then take the call's parts nobody has started. It first writes its
 * Linux thread id (so that the caller can see it gone), and marks itself dead in the DEAD slot
 * if its program stops on an error.
 */
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { memory, control, port, index, threads, parts } = workerData;
const state = new Int32Array(control, 0, ${ARGS_BYTE / 4});
const args = new Float64Array(control, ${ARGS_BYTE}, parts * ${MAX_ARGS});
const ids = new Int32Array(control, ${ARGS_BYTE} + parts * ${MAX_ARGS * 8}, threads);
const running = new Int32Array(control, ${ARGS_BYTE} + parts * ${MAX_ARGS * 8} + threads * 4, threads);
const modules = [];
${TAKE_PARTS_SOURCE}
let seen = 0;
try {
  try {
    ids[index + 1] = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  } catch {}
  for (;;) {
    const call = Atomics.load(state, ${SLOT.CALL});
    if (call === seen) {
      const until = performance.now() + ${WORKER_SPIN_MICROSECONDS / 1000};
      let spins = 1;
      while (Atomics.load(state, ${SLOT.CALL}) === seen && ((spins++ & 255) !== 0 || performance.now() < until));
      if (Atomics.load(state, ${SLOT.CALL}) === seen) Atomics.wait(state, ${SLOT.CALL}, seen);
      continue;
    }
    seen = call;
    for (let message; (message = receiveMessageOnPort(port)); ) {
      const exports = new WebAssembly.Instance(message.message.module, { env: { memory } }).exports;
      modules[message.message.id] = message.message.names.map((name) => exports[name]);
      Atomics.add(state, ${SLOT.ACKS}, 1);
      Atomics.notify(state, ${SLOT.ACKS});
    }
    takeParts(call);
  }
} catch {
  // The caller learns of it from the DEAD slot; rethrown, the error would reach the Worker's
  // 'error' event, which nobody listens to: an uncaught exception in the caller's process.
  Atomics.store(state, ${SLOT.DEAD}, index + 1);
  Atomics.notify(state, ${SLOT.PENDING});
  Atomics.notify(state, ${SLOT.ACKS});
  port.close();
}`;
/**
 * A pool of `worker_threads` that run Dendrite's SIMD kernels on the wasm backend's shared memory
 * (see {@link SharedMemoryPool}). Between calls a worker spins for
 * {@link WORKER_SPIN_MICROSECONDS}, then sleeps in `Atomics.wait`; the calling thread, every part
 * taken, spins for {@link CALLER_SPIN_MICROSECONDS}, then sleeps, on the count of parts pending. A
 * worker that dies — its program throws, or its thread is gone (seen in `/proc/self/task` on
 * Linux) — makes the call throw an Error naming the kernel and closes the pool; {@link kernelPool}
 * then starts another. Where there is no `/proc` (macOS, Windows), a worker whose thread is ended
 * from outside (`terminate()`, a fatal V8 error) while it runs a part is not seen, and the call
 * waits for ever: the caller is blocked in `Atomics.wait`, so no `'exit'` event can reach it.
 */
export class KernelPool extends SharedMemoryPool {
  protected readonly afterClosing = 'the next call starts another';
  private readonly ports: MessagePort[] = [];
  private readonly workers: Worker[] = [];
  private readonly threadIds: Int32Array;
  private readonly running: Int32Array;

  /**
   * @param memory the wasm backend's shared memory
   * @param threads the threads a call runs on, the calling one included (workers: `threads − 1`)
   */
  constructor(memory: WebAssembly.Memory, threads: number) {
    const { Worker, MessageChannel } = nodeWorkerThreads();
    const control = controlBlock(threads);
    super(memory, threads, control);
    [this.threadIds, this.running] = workerSlots(control, threads);
    for (let index = 0; index < threads - 1; index++) {
      const { port1, port2 } = new MessageChannel();
      const workerData = { memory, control, port: port2, index, threads, parts: maxParts(threads) };
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [port2] });
      // Idle workers sleep in Atomics.wait; they must not keep a finished process alive.
      worker.unref();
      this.ports.push(port1);
      this.workers.push(worker);
    }
  }

  /** Posts the module, wakes the workers with a call of no parts, and waits until each has instantiated it. */
  protected sendModule(message: { id: number; module: WebAssembly.Module; names: string[] }, name: string): void {
    const { state } = this;
    const acknowledged = Atomics.load(state, SLOT.ACKS) + this.workers.length;
    for (const port of this.ports) port.postMessage(message);
    const number = ((Atomics.load(state, SLOT.CALL) >>> 8) + 1) & 0xffffff;
    Atomics.store(state, SLOT.CLAIM, number << 8);
    Atomics.store(state, SLOT.CALL, number << 8);
    Atomics.notify(state, SLOT.CALL);
    for (let acks; (acks = Atomics.load(state, SLOT.ACKS)) < acknowledged; ) {
      const woken = Atomics.wait(state, SLOT.ACKS, acks, LIVENESS_MILLISECONDS);
      const dead = this.deadWorker();
      if (dead !== 0) this.fail(name, dead, 'its program threw');
      const gone = woken === 'timed-out' ? this.goneWorker() : 0;
      if (gone !== 0) this.fail(name, gone, 'its thread is gone');
    }
  }

  protected waitForParts(name: string): void {
    const { state } = this;
    if (Atomics.load(state, SLOT.PENDING) === 0) return;
    // Every part is taken: the workers' last ones mostly finish within a spin of the caller's.
    const until = performance.now() + CALLER_SPIN_MICROSECONDS / 1000;
    for (let spins = 1; Atomics.load(state, SLOT.PENDING) !== 0; spins++) {
      if ((spins & 255) === 0 && performance.now() > until) break;
    }
    for (let pending; (pending = Atomics.load(state, SLOT.PENDING)) !== 0; ) {
      const woken = Atomics.wait(state, SLOT.PENDING, pending, LIVENESS_MILLISECONDS);
      const dead = this.deadWorker();
      if (dead !== 0) this.failAfterOthers(name, dead, 'its program threw');
      if (woken === 'timed-out') {
        const gone = this.goneWorker();
        if (gone !== 0) this.failAfterOthers(name, gone, 'its thread is gone');
      }
    }
  }

  protected stopWorkers(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  /** The first worker (1-based) whose thread is gone, or 0. */
  private goneWorker(): number {
    for (let index = 0; index < this.workers.length; index++) if (this.isGone(index)) return index + 1;
    return 0;
  }

  /** Whether worker `index`'s thread is gone from `/proc/self/task` (never where there is no `/proc`). */
  private isGone(index: number): boolean {
    const id = this.threadIds[index + 1];
    return id > 0 && !(nodeBuiltin('node:fs') as typeof import('node:fs')).existsSync(`/proc/self/task/${id}`);
  }

  /**
   * Waits for the parts of the workers still alive (they write the shared memory), then fails:
   * the parts pending beyond those the dead workers may hold (their RUNNING flags) are the live ones'.
   */
  private failAfterOthers(name: string, worker: number, how: string): never {
    const dead = this.workers.filter((_, index) => Atomics.load(this.running, index) !== 0 && (this.deadWorker() === index + 1 || this.isGone(index))).length;
    for (let pending; (pending = Atomics.load(this.state, SLOT.PENDING)) > dead; ) Atomics.wait(this.state, SLOT.PENDING, pending, LIVENESS_MILLISECONDS);
    return this.fail(name, worker, how);
  }
}

function nodeBuiltin(id: string): unknown {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof get !== 'function') throw new Error('Expected Node.js (≥ 20.16) for the kernel pool, received a runtime without process.getBuiltinModule');
  return get(id);
}

function nodeWorkerThreads(): typeof import('node:worker_threads') {
  return nodeBuiltin('node:worker_threads') as typeof import('node:worker_threads');
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
  // A pool closed by a dead worker: Node starts another; a page's (started asynchronously) cannot.
  if (pool?.closed !== undefined) {
    if (!(pool instanceof KernelPool)) requestedThreads = 1;
    pool = undefined;
    if (requestedThreads < 2) return undefined;
  }
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
