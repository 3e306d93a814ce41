import type { CandidateResult } from './candidate-result';
import { activateBackend } from './activate-backend';
import type { BrowserGpuBackend } from './gpu-probes';
import type { RuntimeProbes } from './runtime-probes';

const API_NAMES: Record<BrowserGpuBackend, string> = { webgpu: 'WebGPU', webgl: 'WebGL' };

const NO_DEVICE_FIX: Record<BrowserGpuBackend, string> = {
  webgpu: 'use a browser with WebGPU (Chrome or Edge ≥ 113, Safari ≥ 26) on a machine with a GPU, in a page served over https or from localhost',
  webgl: 'enable hardware acceleration in the browser settings',
};

/**
 * Probes a browser GPU backend (`webgpu`, `webgl`) and, when it is usable, loads
 * `@tensorflow/tfjs-backend-<name>` and makes it tfjs's current backend. Only in a browser, only
 * with a device: a software renderer (SwiftShader, llvmpipe) is slower than wasm SIMD, so it is
 * passed over unless `requested`; a WebGL that cannot render 32-bit floats would train at half
 * precision, so it is refused. tfjs's stock kernels run there: Dendrite's own kernels are wasm's.
 *
 * @param requested the user named this backend (`prefer`, `DENDRITE_BACKEND`)
 */
export async function probeBrowserGpu(name: BrowserGpuBackend, probes: RuntimeProbes, requested: boolean): Promise<CandidateResult> {
  const api = API_NAMES[name];
  const packageName = `@tensorflow/tfjs-backend-${name}`;
  if (probes.isNode) {
    return { available: false, why: `${api} runs only in a browser`, howToFix: 'in Node, reach a GPU through cuda (npm install @tensorflow/tfjs-node-gpu)' };
  }
  const device = await (name === 'webgpu' ? probes.webgpu() : probes.webgl());
  if (!device.found) return { available: false, why: device.why, howToFix: NO_DEVICE_FIX[name] };
  if (device.software && !requested) {
    return {
      available: false,
      why: `${api} draws in software on ${device.description}, slower than wasm SIMD`,
      howToFix: `enable hardware acceleration in the browser, or ask for it anyway with prefer: '${name}'`,
    };
  }
  if (!device.float32) {
    return { available: false, why: `${api} on ${device.description} cannot render 32-bit floats, so training would run at half precision`, howToFix: 'use wasm on this device' };
  }
  try {
    await probes.loadBrowserBackend(name);
  } catch (error) {
    return { available: false, why: `${packageName} failed to load: ${(error as Error).message}`, howToFix: `npm install ${packageName} (an optional dependency of @dendrite/backend)` };
  }
  const failure = await activateBackend(name);
  if (failure) return { available: false, why: failure, howToFix: `${NO_DEVICE_FIX[name]}, or use wasm` };
  const software = device.software ? ', a software renderer' : '';
  return { available: true, tfBackend: name, simd: false, threads: 1, detail: `${api} on ${device.description}${software}; tfjs's stock ${name} kernels` };
}
