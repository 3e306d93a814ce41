import type { Worker as NodeWorker, WorkerOptions } from 'node:worker_threads';

// The name the pthread workers' `importScripts` is given for the main script (see below).
const MAIN_SCRIPT = 'dendrite:threaded-simd-main-script';

type BuiltinModule = (id: string) => unknown;
const builtin = (): BuiltinModule | undefined => (globalThis as { process?: { getBuiltinModule?: BuiltinModule } }).process?.getBuiltinModule;

/**
 * The pthread worker class tfjs-backend-wasm's threaded build starts in Node. Emscripten asks for
 * its worker script and main script by Blob URL, which Node's `worker_threads` cannot load: this
 * class runs the worker script (`workerSource`) from source instead, and hands it the main script
 * (`mainSource`, the text tfjs puts in its Blob) through `workerData`, by rewriting the `load`
 * message's Blob into a name the worker's `importScripts` then recognises. Workers are unref'd, and
 * stay so when Emscripten refs them, so that they never keep a finished process alive.
 */
export function pthreadWorkerClass(workerSource: string, mainSource: string): new (url: string | URL, options?: WorkerOptions) => NodeWorker {
  const { Worker } = builtin()!('node:worker_threads') as typeof import('node:worker_threads');
  // Blob text turns '\n' in its string literals into newlines; tfjs escapes them the same way.
  const code = `${workerSource.replace(/\n/g, '\\n')}
;(() => { const load = global.importScripts; global.importScripts = (file) => file === ${JSON.stringify(MAIN_SCRIPT)} ? (0, eval)(require('worker_threads').workerData) : load(file); })();`;
  return class PthreadWorker extends Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      if (typeof url === 'string' && url.startsWith('blob:')) super(code, { eval: true, workerData: mainSource });
      else super(url, options);
      this.unref();
    }

    /**
     * A no-op: Emscripten refs a worker while its pthread runs, and XNNPACK's pool threads run for
     * the life of the backend, so a ref would keep every finished Node process alive.
     */
    override ref(): void {}

    override postMessage(message: unknown, transfer?: Parameters<NodeWorker['postMessage']>[1]): void {
      const load = message as { cmd?: string; urlOrBlob?: unknown } | null;
      if (load?.cmd === 'load' && typeof load.urlOrBlob !== 'string') message = { ...load, urlOrBlob: MAIN_SCRIPT };
      super.postMessage(message, transfer);
    }
  };
}

/**
 * The threads XNNPACK's pool gets in Node: one, the calling thread. Its pthreads spin between
 * operators and split even a 128×10 multiply, so beside Dendrite's kernel pool they fought it for
 * the cores (an MNIST MLP epoch ran 0.69× as fast on 2 threads as on 1); the threaded build is
 * started for its shared memory, and Dendrite's pool is the one set of workers.
 */
export const NODE_XNNPACK_THREADS = 1;

/**
 * Prepares Node for tfjs-backend-wasm's threaded SIMD build, without touching files in
 * node_modules: `globalThis.Worker` becomes {@link pthreadWorkerClass} (Emscripten assigns
 * `worker_threads.Worker` to it on start; that assignment is ignored) and the multithread flag is
 * set. The build sizes XNNPACK's pool from `os.cpus().length / 2` when it starts, whatever
 * `setThreadsCount` says: until `restore` runs, `os.cpus()` reports `2 · NODE_XNNPACK_THREADS`
 * entries. Dendrite's kernel pool (kernel-pool) then splits its kernels over the threads asked.
 *
 * @returns `restore`, to call once the backend has started (it puts `os.cpus` back)
 * @example
 * ```ts
 * const restore = await prepareNodeWasmThreads(tf.env());
 * try { await tf.setBackend('wasm'); } finally { restore(); }
 * setKernelThreads(4);
 * ```
 */
export async function prepareNodeWasmThreads(env: { set(flag: string, value: boolean): void }): Promise<() => void> {
  const [worker, main] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js' as string) as Promise<{ wasmWorkerContents?: string; default?: { wasmWorkerContents: string } }>,
    import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js' as string) as Promise<{ default: (...args: unknown[]) => unknown }>,
  ]);
  const workerSource = worker.wasmWorkerContents ?? worker.default!.wasmWorkerContents;
  const mainSource = `var WasmBackendModuleThreadedSimd = ${main.default.toString()}`;
  const PthreadWorker = pthreadWorkerClass(workerSource, mainSource);
  Object.defineProperty(globalThis, 'Worker', { configurable: true, get: () => PthreadWorker, set: () => {} });
  env.set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  const os = builtin()!('node:os') as { cpus: () => unknown[] };
  const cpus = os.cpus;
  os.cpus = () => Array.from({ length: 2 * NODE_XNNPACK_THREADS }, () => cpus()[0]);
  return () => {
    os.cpus = cpus;
  };
}
