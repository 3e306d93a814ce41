/**
 * What Dendrite's SIMD kernels split a call over: the Node pool of `worker_threads`
 * (kernel-pool) or a page's pool of `Worker`s (browser-kernel-pool), both on the wasm backend's
 * shared memory.
 */
export interface PooledKernels {
  /** The threads a call runs on, the calling one included. */
  readonly threads: number;
  /**
   * The parts a call may be cut into (a few per thread: a thread that starts late or loses its
   * core leaves the parts it has not started to the others).
   */
  readonly parts: number;
  /**
   * Runs `name` of `bytes` once per entry of `parts` (that part's arguments), the first through
   * `local` on the calling thread, each other one on whichever thread takes it first (the calling
   * thread through `local` too), and returns when every part is done.
   *
   * @throws Error when a worker's part threw, or a worker died (the pool is then closed)
   */
  run(bytes: Uint8Array<ArrayBuffer>, name: string, parts: ReadonlyArray<readonly number[]>, local: (...args: number[]) => void): void;
  /** Why the pool stopped (a worker died, or `terminate`), or undefined while it runs calls. */
  readonly closed: string | undefined;
  /** Stops the workers. */
  terminate(): void;
}
