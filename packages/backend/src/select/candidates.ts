import { tf } from '../tf/index';
import type { BackendName } from './backend-names';
import type { CandidateResult } from './candidate-result';
import type { RuntimeProbes } from './runtime-probes';
import { bundledWasmPaths, describeWasmFetch, wasmBinaryFor, wasmBinaryUrl } from './wasm-binaries';
import { withoutAddedProcessHandlers } from './process-handlers';
import { activateBackend } from './activate-backend';
import { probeBrowserGpu } from './gpu-candidates';
import { NODE_XNNPACK_THREADS, prepareNodeWasmThreads } from './node-wasm-threads';
import { kernelThreads, setKernelThreads, useKernelPool } from '../kernels/wasm/threads/kernel-pool';
import { BrowserKernelPool } from '../kernels/wasm/threads/browser-kernel-pool';
import { isSharedMemory } from '../kernels/wasm/simd/simd-module';
import { wasmMemory } from '../kernels/wasm/wasm-kernel-context';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { type ResolvedThreads, resolveThreads } from './default-threads';
import { browserWasmThreads, prepareBrowserWasmThreads } from './browser-wasm-threads';

export type { CandidateResult } from './candidate-result';

/** Options that reach the candidates. */
export interface CandidateOptions {
  /**
   * Where the browser finds the `.wasm` files (`setWasmPaths` of tfjs-backend-wasm): a folder URL
   * ending in `/`, or a map from each of the three file names to its URL. Unset, a browser loads
   * the files @dendrite/backend ships beside its `dist/index.js` (see the README for bundlers).
   */
  wasmPaths?: string | Record<string, string>;
  /**
   * wasm threads. Unset: the `DENDRITE_THREADS` environment variable (Node), else every core —
   * `os.availableParallelism()` in Node, `navigator.hardwareConcurrency` in a cross-origin
   * isolated page, 1 in a page that is not (the reason says so). More than one starts
   * tfjs-backend-wasm's threaded SIMD build and splits Dendrite's kernels over as many threads.
   * Only the first start of the wasm backend in a process sets it; `getBackendInfo().threads` says
   * what runs.
   */
  threads?: number;
}

const NODE_GPU = '@tensorflow/tfjs-node-gpu';
const NODE = '@tensorflow/tfjs-node';

async function probeTensorflowPackage(
  packageName: string,
  probes: RuntimeProbes,
  needsDevice: boolean,
): Promise<CandidateResult> {
  const install = `npm install ${packageName}`;
  if (!probes.isNode) return { available: false, why: `${packageName} runs only in Node, not in a browser`, howToFix: 'use webgpu, webgl, wasm or cpu in a browser' };
  const installed = probes.isInstalled(packageName);
  const devices = needsDevice ? probes.cudaDevices() : [];
  if (!installed && needsDevice && devices.length === 0) {
    return { available: false, why: `${packageName} is not installed and no CUDA device is visible`, howToFix: `${install} on a machine with an NVIDIA GPU, CUDA and cuDNN` };
  }
  if (!installed) return { available: false, why: `${packageName} is not installed`, howToFix: install };
  if (needsDevice && devices.length === 0) {
    const hidden = probes.env.CUDA_VISIBLE_DEVICES;
    const why = hidden !== undefined ? `CUDA_VISIBLE_DEVICES=${JSON.stringify(hidden)} leaves no CUDA device visible` : 'no CUDA device is visible (no NVIDIA driver found)';
    return { available: false, why, howToFix: 'install the NVIDIA driver, CUDA and cuDNN, or unset CUDA_VISIBLE_DEVICES' };
  }
  try {
    await probes.loadModule(packageName);
  } catch (error) {
    return { available: false, why: `${packageName} is installed but failed to load: ${(error as Error).message}`, howToFix: `reinstall it (${install}) so that its libtensorflow download completes` };
  }
  const failure = await activateBackend('tensorflow');
  if (failure) return { available: false, why: failure, howToFix: `reinstall ${packageName}` };
  const detail = needsDevice ? `${devices.length} CUDA device(s)` : 'libtensorflow on the CPU';
  return { available: true, tfBackend: 'tensorflow', simd: true, threads: probes.cores, detail };
}

async function probeWasm(probes: RuntimeProbes, options: CandidateOptions): Promise<CandidateResult> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // Node reads the binaries from tfjs-backend-wasm's folder; a page needs URLs a bundler can follow.
  const wasmPaths = options.wasmPaths ?? (probes.isNode ? undefined : bundledWasmPaths());
  if (wasmPaths !== undefined) {
    try {
      wasm.setWasmPaths(wasmPaths as string);
    } catch (error) {
      return { available: false, why: `tfjs-backend-wasm refused wasmPaths: ${(error as Error).message}`, howToFix: 'pass wasmPaths before the first selectBackend() or tf.setBackend("wasm")' };
    }
  }
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
  if (!simd) {
    return { available: false, why: 'this runtime has no WebAssembly SIMD', howToFix: 'use Node ≥ 20 or a browser with WebAssembly SIMD' };
  }
  // Node runs the threaded build with more than one thread (its pthread workers need the shim of
  // prepareNodeWasmThreads); a page runs it when cross-origin isolated (prepareBrowserWasmThreads).
  let wanted = resolveThreads(options.threads, probes);
  let restore = () => {};
  // A started backend keeps its threads: nothing to prepare for it (findBackend would start it).
  if (!('wasm' in tf.engine().registry)) {
    if (!probes.isNode) wanted = await browserThreads(wanted);
    if (wanted.threads < 2) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    else if (probes.isNode) restore = await prepareNodeWasmThreads(tf.env());
    else restore = prepareBrowserWasmThreads(wanted.threads, (globalThis as { navigator?: object }).navigator ?? {});
    // Node: XNNPACK's pool keeps to the calling thread, Dendrite's kernel pool takes the threads
    // asked. Asked for them too, XNNPACK still started with one (getThreadsCount() was 1 with 2
    // or 4 asked, the cores the build sees being capped while it starts), but only by that cap.
    wasm.setThreadsCount(probes.isNode ? NODE_XNNPACK_THREADS : wanted.threads);
  }
  // Also here: a wasm backend registered before Dendrite's import kept tfjs's own factory.
  let failure: string | undefined;
  try {
    failure = await withoutAddedProcessHandlers(() => activateBackend('wasm'));
  } finally {
    restore();
  }
  if (failure) {
    if (probes.isNode) return { available: false, why: failure, howToFix: 'reinstall @tensorflow/tfjs-backend-wasm' };
    const threaded = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) as boolean;
    const base = (globalThis as { location?: { href?: string } }).location?.href ?? 'http://localhost/';
    const url = wasmBinaryUrl(wasmBinaryFor(true, threaded), wasmPaths, base);
    return {
      available: false,
      why: `${failure}; ${await describeWasmFetch(url)}`,
      howToFix: 'serve the .wasm files of @dendrite/backend/dist beside your bundle (Vite and webpack copy them), or pass their location as wasmPaths',
    };
  }
  // Node: XNNPACK keeps to the calling thread (prepareNodeWasmThreads) and Dendrite's kernel pool
  // splits over the threads asked, which any shared memory allows. A page: as many as the build's.
  const memory = wasmMemory(tf.backend() as BackendWasm);
  const shared = memory !== undefined && isSharedMemory(memory);
  const threads = probes.isNode ? (shared ? wanted.threads : 1) : wasm.getThreadsCount();
  // Dendrite's own SIMD kernels split their work over as many threads, on the shared memory.
  const own = probes.isNode ? (setKernelThreads(threads), '') : await startPageKernelPool(threads);
  const why = threads === wanted.threads ? wanted.why : `${wanted.threads} asked (${wanted.why}), the backend had started before`;
  return { available: true, tfBackend: 'wasm', simd: true, threads, detail: `WebAssembly SIMD, ${threads} thread(s): ${why}${own}` };
}

/**
 * Starts a page's workers for Dendrite's kernels (they start asynchronously, so here rather than
 * on a kernel's first call); on failure the kernels run on the page's thread and the returned
 * note says why.
 */
async function startPageKernelPool(threads: number): Promise<string> {
  if (threads < 2) return (setKernelThreads(1), '');
  if (kernelThreads() === threads) return '';
  const memory = wasmMemory(tf.backend() as BackendWasm);
  try {
    if (memory === undefined || !isSharedMemory(memory)) throw new Error('the wasm memory is not shared');
    useKernelPool(await BrowserKernelPool.start(memory, threads));
    return '';
  } catch (error) {
    setKernelThreads(1);
    return `; Dendrite's own kernels on the page's thread (${(error as Error).message})`;
  }
}

/** The threads a page starts: none beyond one without WebAssembly threads, at most the build's pooled workers. */
async function browserThreads(wanted: ResolvedThreads): Promise<ResolvedThreads> {
  if (wanted.threads < 2) return wanted;
  if (!((await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) as boolean)) {
    return { threads: 1, why: `this browser has no WebAssembly threads (${wanted.threads} asked: ${wanted.why})` };
  }
  const { threads, capped } = browserWasmThreads(wanted.threads);
  return capped ? { threads, why: `${capped} (${wanted.why})` } : wanted;
}

async function probeCpu(): Promise<CandidateResult> {
  await import('@tensorflow/tfjs-backend-cpu');
  const failure = await activateBackend('cpu');
  if (failure) return { available: false, why: failure, howToFix: 'reinstall @tensorflow/tfjs-backend-cpu' };
  // tfjs-backend-cpu prints a hint about tfjs-node on first use; selection already said why.
  (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
  return { available: true, tfBackend: 'cpu', simd: false, threads: 1, detail: 'plain JavaScript' };
}

/**
 * Probes one backend and, when it is usable, makes it tfjs's current backend. `requested`: the
 * user named it, so a software GPU renderer the default order passes over is taken.
 */
export function probeCandidate(name: BackendName, probes: RuntimeProbes, options: CandidateOptions, requested = false): Promise<CandidateResult> {
  switch (name) {
    case 'webgpu':
    case 'webgl':
      return probeBrowserGpu(name, probes, requested);
    case 'cuda':
      return probeTensorflowPackage(NODE_GPU, probes, true);
    case 'native':
      return probeTensorflowPackage(NODE, probes, false);
    case 'wasm':
      return probeWasm(probes, options);
    case 'cpu':
      return probeCpu();
  }
}
