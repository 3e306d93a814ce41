import { compiledFor } from '../simd/simd-module';
import type { PooledKernels } from './pooled-kernels';

/**
 * The control block's Int32 slots, shared by the calling thread and the workers (Node and page).
 * `CALL` holds the call's number in its upper 24 bits and its parts in the lower 8, one word;
 * `CLAIM` holds the call's number in its upper 24 bits and the next part nobody has taken in the
 * lower 8: a thread takes a part by moving it on with `compareExchange`, so that a part is run
 * once whoever takes it, and a worker that reads the slots late (after the next call's were
 * written) finds another call's number and takes nothing. `PENDING` counts the parts not done;
 * `DEAD` holds `index + 1` of a worker whose program stopped on an error; `ACKS` counts modules
 * instantiated by the workers; `PARTS` is the calling thread's copy of the part count.
 */
export const SLOT = { CALL: 0, PENDING: 1, MODULE: 2, FUNCTION: 3, PARTS: 4, FAILED: 5, ACKS: 6, DEAD: 7, CLAIM: 8 } as const;
/** Threads a pool takes at most. */
export const MAX_POOL_THREADS = 255;
/**
 * Parts a call is cut into per thread: with a few small parts rather than one large one per
 * thread, a worker that starts late or loses its core leaves its parts to the threads that run
 * (the calling thread takes every part nobody has started), instead of holding the call.
 */
export const PARTS_PER_THREAD = 4;
/** Where each part's arguments start, as float64s, in the control block. */
export const ARGS_BYTE = 64;
/** Arguments a pooled call takes at most. */
export const MAX_ARGS = 16;

/** The parts a call of a pool of `threads` threads takes at most (they fit the low 8 bits of the CALL slot). */
export const maxParts = (threads: number): number => Math.min(255, threads * PARTS_PER_THREAD);

/**
 * The control block for `threads` threads: the slots, then each part's arguments, then two Int32s
 * per worker (its thread id in Node, then whether it may be running a part).
 */
export function controlBlock(threads: number): SharedArrayBuffer {
  return new SharedArrayBuffer(ARGS_BYTE + maxParts(threads) * MAX_ARGS * 8 + threads * 8);
}

/** The per-worker Int32s at the end of a control block made by {@link controlBlock}: `[ids, running]`. */
export function workerSlots(control: SharedArrayBuffer, threads: number): [Int32Array, Int32Array] {
  const start = ARGS_BYTE + maxParts(threads) * MAX_ARGS * 8;
  return [new Int32Array(control, start, threads), new Int32Array(control, start + threads * 4, threads)];
}

/**
 * The workers' loop over the parts of call `call` (the CALL slot's word), as JavaScript source for
 * their programs: take the next part nobody has taken, run it, count it done, until none is left.
 * `running[index]` is set from a successful claim until just before the part is counted done, so
 * a dead worker found running certainly holds a part still pending: the calling thread waits for
 * every other pending part (a live worker's, writing the heap) before it gives up, never fewer.
 */
export const TAKE_PARTS_SOURCE = `
function takeParts(call) {
  for (;;) {
    const claim = Atomics.load(state, ${SLOT.CLAIM});
    const part = claim & 255;
    if (claim >>> 8 !== call >>> 8 || part >= (call & 255)) break;
    if (Atomics.compareExchange(state, ${SLOT.CLAIM}, claim, claim + 1) !== claim) continue;
    Atomics.store(running, index, 1);
    try {
      const base = part * ${MAX_ARGS};
      modules[Atomics.load(state, ${SLOT.MODULE})][Atomics.load(state, ${SLOT.FUNCTION})](...args.subarray(base, base + ${MAX_ARGS}));
    } catch (error) {
      Atomics.store(state, ${SLOT.FAILED}, 1);
    }
    Atomics.store(running, index, 0);
    if (Atomics.sub(state, ${SLOT.PENDING}, 1) === 1) Atomics.notify(state, ${SLOT.PENDING});
  }
}`;

/**
 * What a Node pool and a page pool share: the control block, the hand-out of a call's parts and
 * module registration. A subclass says how a module reaches the workers, how the calling thread
 * waits for their parts (Node may sleep in `Atomics.wait`, a page's main thread may only spin)
 * and how a dead worker is noticed.
 *
 * The calling thread runs the first part, then takes, as the workers do, each part nobody has
 * started, all on the same memory; it returns once every part is done, so a call returns
 * synchronously, as kernels do. A worker that starts late or loses its core holds the call only
 * for the part it has started. Each part's sums are the one-thread kernel's sums for its rows, so
 * a split call equals the one-thread call bit for bit.
 */
export abstract class SharedMemoryPool implements PooledKernels {
  /** The parts a call may be cut into: {@link PARTS_PER_THREAD} per thread. */
  readonly parts: number;
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
    this.parts = maxParts(threads);
    this.state = new Int32Array(control, 0, ARGS_BYTE / 4);
    this.args = new Float64Array(control, ARGS_BYTE, this.parts * MAX_ARGS);
  }

  /** Why the pool stopped (a worker died, or `terminate`), or undefined while it runs calls. */
  get closed(): string | undefined {
    return this.closedBecause;
  }

  /**
   * Runs `name` of `bytes` (instantiated on the pool's memory) once per entry of `parts`, each
   * entry that part's arguments: the first through `local` on the calling thread, the others on
   * whichever thread takes them first (the calling thread through `local` too).
   *
   * @throws RangeError for more parts than {@link parts} or more than 16 arguments; Error when a
   *   worker's part threw, or a worker died (the pool is then closed, see {@link closed}); what
   *   `local` threw, once the workers' parts are done
   */
  run(bytes: Uint8Array<ArrayBuffer>, name: string, parts: ReadonlyArray<readonly number[]>, local: (...args: number[]) => void): void {
    if (this.closedBecause !== undefined) throw new Error(`Expected an open kernel pool for "${name}", received one closed: ${this.closedBecause}`);
    if (parts.length > this.parts) throw new RangeError(`Expected at most ${this.parts} parts in a pooled call of "${name}", received ${parts.length}`);
    for (const args of parts) {
      if (args.length > MAX_ARGS) throw new RangeError(`Expected at most ${MAX_ARGS} arguments in a pooled call of "${name}", received ${args.length}`);
    }
    const moduleId = this.register(bytes, name);
    parts.forEach((args, part) => this.args.set(args, part * MAX_ARGS));
    const { state } = this;
    Atomics.store(state, SLOT.MODULE, moduleId);
    Atomics.store(state, SLOT.FUNCTION, this.exportNames[moduleId].indexOf(name));
    Atomics.store(state, SLOT.PARTS, parts.length);
    Atomics.store(state, SLOT.FAILED, 0);
    Atomics.store(state, SLOT.PENDING, parts.length);
    const number = ((Atomics.load(state, SLOT.CALL) >>> 8) + 1) & 0xffffff;
    // Part 0 is the calling thread's: the workers take from part 1 on.
    Atomics.store(state, SLOT.CLAIM, (number << 8) | 1);
    Atomics.store(state, SLOT.CALL, (number << 8) | parts.length);
    if (parts.length > 1) Atomics.notify(state, SLOT.CALL, parts.length - 1);
    let failure: { error: unknown } | undefined;
    for (let part = 0; part >= 0; part = this.takePart(number, parts.length)) {
      // After a failure the parts left are taken but not run, so that the count of pending ones reaches 0.
      if (failure === undefined) {
        try {
          local(...parts[part]);
        } catch (error) {
          failure = { error };
        }
      }
      Atomics.sub(state, SLOT.PENDING, 1);
    }
    this.waitForParts(name);
    if (failure !== undefined) throw failure.error;
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

  /** The next part of call `number` nobody has taken, now the calling thread's, or -1 when none is left. */
  private takePart(number: number, parts: number): number {
    for (;;) {
      const claim = Atomics.load(this.state, SLOT.CLAIM);
      const part = claim & 255;
      if (claim >>> 8 !== number || part >= parts) return -1;
      if (Atomics.compareExchange(this.state, SLOT.CLAIM, claim, claim + 1) === claim) return part;
    }
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
