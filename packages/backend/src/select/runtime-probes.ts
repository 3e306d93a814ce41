import { type BrowserGpuBackend, type GpuProbe, loadBrowserGpuBackend, probeWebglContext, probeWebgpuAdapter } from './gpu-probes';

/**
 * What backend selection asks of the runtime. The defaults look at the real machine; tests pass
 * fakes, since neither CUDA nor libtensorflow can be had on every machine.
 */
export interface RuntimeProbes {
  /** True in Node (or another runtime with `process.versions.node`), false in a browser. */
  isNode: boolean;
  /** Whether an optional package can be resolved, without loading it. */
  isInstalled(packageName: string): boolean;
  /** Loads an optional package (it registers its tfjs backend as a side effect). */
  loadModule(packageName: string): Promise<unknown>;
  /** The CUDA devices visible to this process, as names; empty when there is none. */
  cudaDevices(): string[];
  /** Environment variables (`DENDRITE_BACKEND`, `CUDA_VISIBLE_DEVICES`). */
  env: Record<string, string | undefined>;
  /** Logical cores, reported as `threads` for the native backends and wasm's default thread count. */
  cores: number;
  /** Whether a page is cross-origin isolated (it may then share memory with workers); true in Node. */
  crossOriginIsolated: boolean;
  /** The WebGPU adapter a page would get (browser only). */
  webgpu(): Promise<GpuProbe>;
  /** The WebGL context a page would get (browser only). */
  webgl(): Promise<GpuProbe>;
  /** Loads `@tensorflow/tfjs-backend-webgpu` or `-webgl`, which registers its tfjs backend. */
  loadBrowserBackend(name: BrowserGpuBackend): Promise<unknown>;
}

const GPU_PROBES = { webgpu: probeWebgpuAdapter, webgl: probeWebglContext, loadBrowserBackend: loadBrowserGpuBackend };

interface NodeBuiltins {
  module: { createRequire(path: string): { resolve(id: string): string } };
  fs: { existsSync(path: string): boolean; readdirSync(path: string): string[] };
  os: { availableParallelism?(): number; cpus(): unknown[] };
  process: { cwd(): string; env: Record<string, string | undefined> };
}

function nodeBuiltins(): NodeBuiltins | undefined {
  const processObject = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } })
    .process;
  if (processObject?.versions?.node == null || processObject.getBuiltinModule == null) return undefined;
  const get = processObject.getBuiltinModule;
  return {
    module: get('node:module') as NodeBuiltins['module'],
    fs: get('node:fs') as NodeBuiltins['fs'],
    os: get('node:os') as NodeBuiltins['os'],
    process: processObject as unknown as NodeBuiltins['process'],
  };
}

/** CUDA devices as the NVIDIA driver lists them, minus those `CUDA_VISIBLE_DEVICES` hides. */
export function listCudaDevices(
  fs: Pick<NodeBuiltins['fs'], 'existsSync' | 'readdirSync'>,
  env: Record<string, string | undefined>,
): string[] {
  const visible = env.CUDA_VISIBLE_DEVICES;
  if (visible !== undefined && (visible.trim() === '' || visible.trim() === '-1')) return [];
  const driverFolder = '/proc/driver/nvidia/gpus';
  let devices: string[] = [];
  if (fs.existsSync(driverFolder)) devices = fs.readdirSync(driverFolder);
  else if (fs.existsSync('/dev/nvidia0')) devices = ['/dev/nvidia0'];
  if (visible === undefined) return devices;
  const wanted = visible.split(',').map((entry) => entry.trim());
  // Devices named by UUID cannot be matched without nvidia-smi; trust the driver's list then.
  if (wanted.some((id) => /^(GPU|MIG)-/.test(id))) return devices;
  return devices.filter((_, index) => wanted.includes(String(index)));
}

/** The probes of the runtime this code runs in. */
export function defaultRuntimeProbes(): RuntimeProbes {
  const node = nodeBuiltins();
  if (node == null) {
    const hardwareConcurrency = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
    return {
      isNode: false,
      isInstalled: () => false,
      loadModule: (name) => Promise.reject(new Error(`${name} cannot be loaded in a browser`)),
      cudaDevices: () => [],
      env: {},
      cores: hardwareConcurrency ?? 1,
      crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
      ...GPU_PROBES,
    };
  }
  const requireFromHere = node.module.createRequire(`${node.process.cwd()}/`);
  const requireFromPackage = node.module.createRequire(import.meta.url);
  return {
    isNode: true,
    isInstalled(packageName) {
      for (const resolver of [requireFromPackage, requireFromHere]) {
        try {
          resolver.resolve(packageName);
          return true;
        } catch {
          // not resolvable from this place; try the next
        }
      }
      return false;
    },
    loadModule: (packageName) => import(/* @vite-ignore */ packageName),
    cudaDevices: () => listCudaDevices(node.fs, node.process.env),
    env: node.process.env,
    cores: node.os.availableParallelism?.() ?? node.os.cpus().length,
    crossOriginIsolated: true,
    ...GPU_PROBES,
  };
}
