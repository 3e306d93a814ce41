import { compiledFor } from '../simd/simd-module';
import type { PooledKernels } from './pooled-kernels';

/**
 * The control block's Int32 slots, shared by the calling thread and the workers (Node and page).
 * `CALL` holds the call's number in its upper 24 bits and its parts in the lower 8, one word: a
 * worker that has no part in a call may read the slots late, after the next call's were written,
 * and must not take the next call's part count for this one's (it then ran a part twice, and a
 * part of the next call against this one's pending count, which never reached 0 again). `DEAD`
 * holds `index + 1` of a worker whose program stopped on an error; `ACKS` counts modules
 * instantiated by page workers; `PARTS` is the calling thread's copy of the part count.
 */
export const SLOT = { CALL: 0, PENDING: 1, MODULE: 2, FUNCTION: 3, PARTS: 4, FAILED: 5, ACKS: 6, DEAD: 7 } as const;
/** Threads a pool takes at most: the part count fits the low 8 bits of the CALL slot. */
export const MAX_POOL_THREADS = 255;
/** Where each part's arguments start, as float64s, in the control block. */
export const ARGS_BYTE = 64;
/** Arguments a pooled call takes at most. */
export const MAX_ARGS = 16;

/** The control block for `threads` threads: the slots, then each part's arguments, then one Int32 per worker (its thread id in Node). */
export function controlBlock(threads: number): SharedArrayBuffer {
  return new SharedArrayBuffer(ARGS_BYTE + threads * MAX_ARGS * 8 + threads * 4);
}

/** The per-worker Int32s at the end of a control block made by {@link controlBlock}. */
export function workerSlots(control: SharedArrayBuffer, threads: number): Int32Array {
  return new Int32Array(control, ARGS_BYTE + threads * MAX_ARGS * 8, threads);
}

/**
 * What a Node pool and a page pool share: the control block, the hand-out of a call's parts and
 * module registration. A subclass says how a module reaches the workers and how the calling
 * thread waits for their parts (Node may sleep in `Atomics.wait`, a page's main thread may only
 * spin) and how a dead worker is noticed.
 *
 * The calling thread runs the first part and the workers the others, each on the same memory, so
 * a call returns synchronously, as kernels do. Each part's sums are the one-thread kernel's sums
 * for its rows, so a split call equals the one-thread call bit for bit.
 */
export abstract class SharedMemoryPool implements PooledKernels {
  protected readonly state: Int32Array;
  private readonly args: Float64Array;
  private readonly moduleIds = new WeakMap<Uint8Array<ArrayBuffer>, number>();
  private readonly exportNames: string[][] = [];
  private closedBecause: string | undefined;

  /**
   * @param memory the wasm backend's shared memory
   * @param threads the threads a call runs on, the calling one included (workers: `threads − 1`)
   * @param control the block made by {@link controlBlock} for `threads`
   */
  protected constructor(private readonly memory: WebAssembly.Memory, readonly threads: number, control: SharedArrayBuffer) {
    if (threads > MAX_POOL_THREADS) throw new RangeError(`Expected at most ${MAX_POOL_THREADS} threads in a kernel pool, received ${threads}`);
    this.state = new Int32Array(control, 0, ARGS_BYTE / 4);
    this.args = new Float64Array(control, ARGS_BYTE, threads * MAX_ARGS);
  }

  /** Why the pool stopped (a worker died, or `terminate`), or undefined while it runs calls. */
  get closed(): string | undefined {
    return this.closedBecause;
  }

  /**
   * Runs `name` of `bytes` (instantiated on the pool's memory) once per entry of `parts`, each
   * entry that part's arguments, the first through `local` on the calling thread.
   *
   * @throws RangeError for more parts than threads or more than 16 arguments; Error when a
   *   worker's part threw, or a worker died (the pool is then closed, see {@link closed})
   */
  run(bytes: Uint8Array<ArrayBuffer>, name: string, parts: ReadonlyArray<readonly number[]>, local: (...args: number[]) => void): void {
    if (this.closedBecause !== undefined) throw new Error(`Expected an open kernel pool for "${name}", received one closed: ${this.closedBecause}`);
    if (parts.length > this.threads) throw new RangeError(`Expected at most ${this.threads} parts in a pooled call of "${name}", received ${parts.length}`);
    parts.forEach((args, part) => {
      if (args.length > MAX_ARGS) throw new RangeError(`Expected at most ${MAX_ARGS} arguments in a pooled call of "${name}", received ${args.length}`);
    });
    const moduleId = this.register(bytes, name);
    parts.forEach((args, part) => this.args.set(args, part * MAX_ARGS));
    const { state } = this;
    Atomics.store(state, SLOT.MODULE, moduleId);
    Atomics.store(state, SLOT.FUNCTION, this.exportNames[moduleId].indexOf(name));
    Atomics.store(state, SLOT.PARTS, parts.length);
    Atomics.store(state, SLOT.FAILED, 0);
    Atomics.store(state, SLOT.PENDING, parts.length - 1);
    const call = (((Atomics.load(state, SLOT.CALL) >>> 8) + 1) << 8) | parts.length;
    Atomics.store(state, SLOT.CALL, call);
    Atomics.notify(state, SLOT.CALL);
    try {
      local(...parts[0]);
    } finally {
      this.waitForParts(name);
    }
    if (Atomics.load(state, SLOT.FAILED) !== 0) throw new Error(`Expected every worker's part of "${name}" to run, received a failure`);
  }

  /** Stops the workers; later calls throw. */
  terminate(): void {
    this.closedBecause ??= 'terminated';
    this.stopWorkers();
  }

  /** Hands a compiled module to every worker and returns once each can call it. */
  protected abstract sendModule(message: { id: number; module: WebAssembly.Module; names: string[] }, name: string): void;
  /** Returns once the PENDING slot is 0, or throws (through {@link fail}) when a worker died. */
  protected abstract waitForParts(name: string): void;
  /** Stops every worker. */
  protected abstract stopWorkers(): void;
  /** What happens to kernel calls once the pool is closed, for the error that closes it. */
  protected abstract readonly afterClosing: string;

  /** The worker (1-based) that marked itself dead, or 0. */
  protected deadWorker(): number {
    return Atomics.load(this.state, SLOT.DEAD);
  }

  /**
   * Closes the pool after worker `worker` (1-based) died during a call of `name`, and throws.
   *
   * @throws Error naming the kernel and the worker
   */
  protected fail(name: string, worker: number, how: string): never {
    this.closedBecause = `kernel worker ${worker} ${how} during "${name}"`;
    this.stopWorkers();
    throw new Error(`Expected kernel worker ${worker} to finish its part of "${name}", received its end (${how}); the kernel pool is closed and ${this.afterClosing}`);
  }

  private register(bytes: Uint8Array<ArrayBuffer>, name: string): number {
    let id = this.moduleIds.get(bytes);
    if (id !== undefined) return id;
    const module = compiledFor(this.memory, bytes)!;
    id = this.exportNames.length;
    const names = WebAssembly.Module.exports(module).map((entry) => entry.name);
    this.exportNames.push(names);
    this.sendModule({ id, module, names }, name);
    this.moduleIds.set(bytes, id);
    return id;
  }
}
