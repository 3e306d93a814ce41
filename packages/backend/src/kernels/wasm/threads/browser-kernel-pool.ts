import { ARGS_BYTE, MAX_ARGS, SLOT, SharedMemoryPool, TAKE_PARTS_SOURCE, controlBlock, maxParts } from './shared-memory-pool';

/**
 * The page worker's program. Between calls it waits with `Atomics.waitAsync`, so that its event
 * loop stays free to receive the modules the page posts (each instantiated on the shared memory and
 * acknowledged in the ACKS slot); when the call moves it takes the call's parts nobody has
 * started. An error outside a part marks it dead in the DEAD slot.
 */
const WORKER_SOURCE = `
let state, args, running, index;
const modules = [];
let memory;
${TAKE_PARTS_SOURCE}
function dead(error) {
  Atomics.store(state, ${SLOT.DEAD}, index + 1);
  throw error;
}
function wait(seen) {
  const result = Atomics.waitAsync(state, ${SLOT.CALL}, seen);
  (result.async ? result.value : Promise.resolve()).then(() => {
    const now = Atomics.load(state, ${SLOT.CALL});
    if (now !== seen) takeParts(now);
    wait(now);
  }).catch(dead);
}
onmessage = ({ data }) => {
  if (data.type === 'start') {
    memory = data.memory;
    index = data.index;
    state = new Int32Array(data.control, 0, ${ARGS_BYTE / 4});
    args = new Float64Array(data.control, ${ARGS_BYTE}, data.parts * ${MAX_ARGS});
    running = new Int32Array(data.control, ${ARGS_BYTE} + data.parts * ${MAX_ARGS * 8} + data.threads * 4, data.threads);
    wait(Atomics.load(state, ${SLOT.CALL}));
    postMessage('started');
  } else {
    try {
      const exports = new WebAssembly.Instance(data.module, { env: { memory } }).exports;
      modules[data.id] = data.names.map((name) => exports[name]);
    } catch (error) {
      dead(error);
    } finally {
      Atomics.add(state, ${SLOT.ACKS}, 1);
    }
  }
};`;

/**
 * Dendrite's SIMD kernels split over a page's `Worker`s on the wasm backend's shared memory (a
 * cross-origin-isolated page). The workers start asynchronously ({@link BrowserKernelPool.start}),
 * since a page's main thread cannot wait for a worker to start; a call then runs synchronously:
 * the calling thread runs the first part and every part no worker has started (a worker woken
 * through `Atomics.waitAsync` may start late), then spins on `Atomics.load` (a page's main thread
 * may not `Atomics.wait`) until the workers have run theirs. A module is posted to the workers before its
 * first call, the page spinning until each has instantiated it. Each part's sums are the
 * one-thread kernel's sums for its rows, so a split call equals the one-thread call bit for bit.
 * A worker whose program throws marks itself dead: the call throws an Error naming the kernel
 * and the pool closes (kernels then run on the page's thread).
 */
export class BrowserKernelPool extends SharedMemoryPool {
  protected readonly afterClosing = "the next calls run on the page's thread alone";
  private constructor(memory: WebAssembly.Memory, threads: number, private readonly workers: Worker[], control: SharedArrayBuffer) {
    super(memory, threads, control);
  }

  /**
   * Starts `threads − 1` workers on `memory` and resolves once each runs.
   *
   * @throws Error when a worker fails to start (no `Worker`, no `Atomics.waitAsync`, a page that is not isolated)
   */
  static async start(memory: WebAssembly.Memory, threads: number): Promise<BrowserKernelPool> {
    const control = controlBlock(threads);
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    const workers: Worker[] = [];
    try {
      await Promise.all(
        Array.from({ length: threads - 1 }, (_, index) => {
          const worker = new Worker(url);
          workers.push(worker);
          return new Promise<void>((resolve, reject) => {
            worker.onmessage = () => resolve();
            worker.onerror = (event) => reject(new Error(`Expected kernel worker ${index + 1} to start, received ${event.message}`));
            worker.postMessage({ type: 'start', memory, control, index, threads, parts: maxParts(threads) });
          });
        }),
      );
    } catch (error) {
      for (const worker of workers) worker.terminate();
      throw error;
    } finally {
      URL.revokeObjectURL(url);
    }
    return new BrowserKernelPool(memory, threads, workers, control);
  }

  protected sendModule(message: { id: number; module: WebAssembly.Module; names: string[] }, name: string): void {
    const acknowledged = Atomics.load(this.state, SLOT.ACKS) + this.workers.length;
    for (const worker of this.workers) worker.postMessage(message);
    while (Atomics.load(this.state, SLOT.ACKS) < acknowledged) this.failIfDead(name);
    this.failIfDead(name);
  }

  protected waitForParts(name: string): void {
    while (Atomics.load(this.state, SLOT.PENDING) !== 0) this.failIfDead(name);
  }

  protected stopWorkers(): void {
    for (const worker of this.workers) worker.terminate();
  }

  private failIfDead(name: string): void {
    const dead = this.deadWorker();
    if (dead !== 0) this.fail(name, dead, 'its program threw');
  }
}
