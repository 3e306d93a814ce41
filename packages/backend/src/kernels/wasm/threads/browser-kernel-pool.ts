import { compiledFor } from '../simd/simd-module';
import type { PooledKernels } from './pooled-kernels';

// The control block's Int32 slots; each worker's arguments follow as float64s from ARGS_BYTE.
const [GENERATION, PENDING, MODULE, FUNCTION, PARTS, FAILED, ACKS] = [0, 1, 2, 3, 4, 5, 6];
const ARGS_BYTE = 64;
/** Arguments a pooled call takes at most. */
const MAX_ARGS = 16;

/**
 * The page worker's program. Between calls it waits with `Atomics.waitAsync`, so that its event
 * loop stays free to receive the modules the page posts (each instantiated on the shared memory and
 * acknowledged in the ACKS slot); when the generation moves it runs its part of the call, if it
 * has one, and counts itself done.
 */
const WORKER_SOURCE = `
let state, args, index;
const modules = [];
let memory;
function wait(seen) {
  const result = Atomics.waitAsync(state, ${GENERATION}, seen);
  (result.async ? result.value : Promise.resolve()).then(() => {
    const now = Atomics.load(state, ${GENERATION});
    if (now !== seen && index + 1 < Atomics.load(state, ${PARTS})) {
      try {
        const base = (index + 1) * ${MAX_ARGS};
        modules[Atomics.load(state, ${MODULE})][Atomics.load(state, ${FUNCTION})](...args.subarray(base, base + ${MAX_ARGS}));
      } catch (error) {
        Atomics.store(state, ${FAILED}, 1);
      }
      Atomics.sub(state, ${PENDING}, 1);
    }
    wait(now);
  });
}
onmessage = ({ data }) => {
  if (data.type === 'start') {
    memory = data.memory;
    index = data.index;
    state = new Int32Array(data.control, 0, ${ARGS_BYTE / 4});
    args = new Float64Array(data.control, ${ARGS_BYTE});
    wait(Atomics.load(state, ${GENERATION}));
    postMessage('started');
  } else {
    try {
      const exports = new WebAssembly.Instance(data.module, { env: { memory } }).exports;
      modules[data.id] = data.names.map((name) => exports[name]);
    } finally {
      Atomics.add(state, ${ACKS}, 1);
    }
  }
};`;

/**
 * Dendrite's SIMD kernels split over a page's `Worker`s on the wasm backend's shared memory (a
 * cross-origin-isolated page). The workers start asynchronously ({@link BrowserKernelPool.start}),
 * since a page's main thread cannot wait for a worker to start; a call then runs synchronously:
 * the calling thread runs the first part and spins on `Atomics.load` (a page's main thread may not
 * `Atomics.wait`) until the workers have run theirs. A module is posted to the workers before its
 * first call, the page spinning until each has instantiated it. Each part's sums are the
 * one-thread kernel's sums for its rows, so a split call equals the one-thread call bit for bit.
 */
export class BrowserKernelPool implements PooledKernels {
  private readonly state: Int32Array;
  private readonly args: Float64Array;
  private readonly moduleIds = new WeakMap<Uint8Array<ArrayBuffer>, number>();
  private readonly exportNames: string[][] = [];

  private constructor(private readonly memory: WebAssembly.Memory, readonly threads: number, private readonly workers: Worker[], control: SharedArrayBuffer) {
    this.state = new Int32Array(control, 0, ARGS_BYTE / 4);
    this.args = new Float64Array(control, ARGS_BYTE);
  }

  /**
   * Starts `threads − 1` workers on `memory` and resolves once each runs.
   *
   * @throws Error when a worker fails to start (no `Worker`, no `Atomics.waitAsync`, a page that is not isolated)
   */
  static async start(memory: WebAssembly.Memory, threads: number): Promise<BrowserKernelPool> {
    const control = new SharedArrayBuffer(ARGS_BYTE + threads * MAX_ARGS * 8);
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
            worker.postMessage({ type: 'start', memory, control, index });
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
      while (Atomics.load(this.state, PENDING) !== 0);
    }
    if (Atomics.load(this.state, FAILED) !== 0) throw new Error(`Expected every worker's part of "${name}" to run, received a failure`);
  }

  /** Stops the workers. */
  terminate(): void {
    for (const worker of this.workers) worker.terminate();
  }

  private register(bytes: Uint8Array<ArrayBuffer>): number {
    let id = this.moduleIds.get(bytes);
    if (id !== undefined) return id;
    const module = compiledFor(this.memory, bytes)!;
    id = this.exportNames.length;
    const names = WebAssembly.Module.exports(module).map((entry) => entry.name);
    this.exportNames.push(names);
    const acknowledged = Atomics.load(this.state, ACKS) + this.workers.length;
    for (const worker of this.workers) worker.postMessage({ id, module, names });
    while (Atomics.load(this.state, ACKS) < acknowledged);
    this.moduleIds.set(bytes, id);
    return id;
  }
}
