import { afterEach, describe, expect, it } from 'vitest';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { tf } from '../tf/index';
import { selectBackend, getBackendInfo } from './select-backend';
import type { RuntimeProbes } from './runtime-probes';
import { listCudaDevices } from './runtime-probes';
import '../kernels/wasm/index';

/** A machine with neither tfjs-node package, as this one. */
function machine(overrides: Partial<RuntimeProbes> = {}): Partial<RuntimeProbes> {
  return {
    isNode: true,
    isInstalled: () => false,
    loadModule: () => Promise.reject(new Error('not installed')),
    cudaDevices: () => [],
    env: {},
    cores: 8,
    webgpu: async () => ({ found: false, why: 'no WebGPU here' }),
    webgl: async () => ({ found: false, why: 'no WebGL here' }),
    loadBrowserBackend: () => Promise.reject(new Error('not in a browser')),
    ...overrides,
  };
}

/** Stands in for tfjs-node(-gpu): loading it registers a `tensorflow` backend, as the real one does. */
function fakeTensorflowPackage(installed: string[]): Partial<RuntimeProbes> {
  return {
    isInstalled: (name) => installed.includes(name),
    loadModule: async (name) => {
      if (!installed.includes(name)) throw new Error(`Cannot find module '${name}'`);
      tf.registerBackend('tensorflow', () => new MathBackendCPU());
      return {};
    },
  };
}

afterEach(async () => {
  if (tf.findBackend('tensorflow') != null || tf.findBackendFactory('tensorflow') != null) {
    await tf.setBackend('cpu');
    tf.removeBackend('tensorflow');
  }
});

describe('selectBackend', () => {
  it('passes over cuda and native on this machine and takes wasm with SIMD, saying why', async () => {
    const info = await selectBackend({ probes: { env: { DENDRITE_THREADS: '1' } } });
    expect(info).toMatchObject({ name: 'wasm', tfBackend: 'wasm', simd: true, threads: 1 });
    expect(info.reason).toContain('WebAssembly SIMD, 1 thread(s): requested by DENDRITE_THREADS');
    expect(info.reason).toContain('cuda: @tensorflow/tfjs-node-gpu is not installed');
    expect(info.reason).toContain('native: @tensorflow/tfjs-node is not installed');
    expect(tf.getBackend()).toBe('wasm');
    expect(getBackendInfo()).toEqual(info);
  });

  it('takes native when tfjs-node loads', async () => {
    const info = await selectBackend({ probes: machine(fakeTensorflowPackage(['@tensorflow/tfjs-node'])) });
    expect(info).toMatchObject({ name: 'native', tfBackend: 'tensorflow', threads: 8 });
    expect(info.reason).toMatch(/^cuda: @tensorflow\/tfjs-node-gpu is not installed and no CUDA device is visible; native: first available/);
    expect(tf.getBackend()).toBe('tensorflow');
  });

  it('takes cuda when tfjs-node-gpu loads and a CUDA device is visible', async () => {
    const probes = machine({ ...fakeTensorflowPackage(['@tensorflow/tfjs-node-gpu']), cudaDevices: () => ['0000:01:00.0'] });
    const info = await selectBackend({ probes });
    expect(info).toMatchObject({ name: 'cuda', tfBackend: 'tensorflow' });
    expect(info.reason).toContain('1 CUDA device(s)');
  });

  it('passes over cuda when tfjs-node-gpu is installed but no device is visible', async () => {
    const probes = machine(fakeTensorflowPackage(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']));
    const info = await selectBackend({ probes });
    expect(info.name).toBe('native');
    expect(info.reason).toContain('cuda: no CUDA device is visible');
  });

  it('says when CUDA_VISIBLE_DEVICES hides every device', async () => {
    const probes = machine({ ...fakeTensorflowPackage(['@tensorflow/tfjs-node-gpu']), env: { CUDA_VISIBLE_DEVICES: '-1' } });
    const info = await selectBackend({ probes });
    expect(info.name).toBe('wasm');
    expect(info.reason).toContain('cuda: CUDA_VISIBLE_DEVICES="-1" leaves no CUDA device visible');
  });

  it('reports a package that is installed but fails to load', async () => {
    const probes = machine({
      isInstalled: (name) => name === '@tensorflow/tfjs-node',
      loadModule: () => Promise.reject(new Error('libtensorflow.so.2: cannot open shared object file')),
    });
    const info = await selectBackend({ probes });
    expect(info.name).toBe('wasm');
    expect(info.reason).toContain('native: @tensorflow/tfjs-node is installed but failed to load: libtensorflow.so.2');
  });

  it('lets options.prefer beat DENDRITE_BACKEND, which beats the default order', async () => {
    expect((await selectBackend({ probes: machine({ env: { DENDRITE_BACKEND: 'cpu' } }) })).name).toBe('cpu');
    const preferred = await selectBackend({ prefer: 'wasm', probes: machine({ env: { DENDRITE_BACKEND: 'cpu' } }) });
    expect(preferred).toMatchObject({ name: 'wasm', reason: 'wasm: requested by options.prefer; WebAssembly SIMD, 1 thread(s): 8 asked (every core (8)), the backend had started before' });
    const listed = await selectBackend({ probes: machine({ env: { DENDRITE_BACKEND: 'native, cpu' } }) });
    expect(listed.name).toBe('cpu');
    expect(listed.reason).toBe('native: @tensorflow/tfjs-node is not installed; cpu: requested by DENDRITE_BACKEND; plain JavaScript');
  });

  it('rejects an unknown name, listing the valid ones', async () => {
    await expect(selectBackend({ prefer: 'gpu' as never })).rejects.toThrow(
      'Unknown backend "gpu" in options.prefer: expected one of cuda, native, webgpu, webgl, wasm, cpu, received "gpu"',
    );
    await expect(selectBackend({ probes: machine({ env: { DENDRITE_BACKEND: 'opengl' } }) })).rejects.toThrow(
      /Unknown backend "opengl" in DENDRITE_BACKEND: expected one of cuda, native, webgpu, webgl, wasm, cpu/,
    );
  });

  it('never falls back silently from an unavailable requested backend: it says why and how to install it', async () => {
    await expect(selectBackend({ prefer: 'native', probes: machine() })).rejects.toThrow(
      'Backend "native" requested by options.prefer cannot be used: native: @tensorflow/tfjs-node is not installed. ' +
        'To fix: native: npm install @tensorflow/tfjs-node.',
    );
    await expect(selectBackend({ probes: machine({ env: { DENDRITE_BACKEND: 'cuda' } }) })).rejects.toThrow(
      /Backend "cuda" requested by DENDRITE_BACKEND cannot be used: cuda: @tensorflow\/tfjs-node-gpu is not installed and no CUDA device is visible\. To fix: cuda: npm install @tensorflow\/tfjs-node-gpu on a machine with an NVIDIA GPU/,
    );
    await expect(selectBackend({ prefer: ['cuda', 'native'], probes: machine() })).rejects.toThrow(
      /^None of the backends cuda, native requested by options.prefer can be used: cuda: .*; native: .*To fix/,
    );
  });

  it('in a browser without a GPU, passes over cuda, native, webgpu and webgl and takes wasm', async () => {
    const info = await selectBackend({ probes: machine({ isNode: false }) });
    expect(info.name).toBe('wasm');
    expect(info.reason).toMatch(
      /^cuda: @tensorflow\/tfjs-node-gpu runs only in Node, not in a browser; native: .*; webgpu: no WebGPU here; webgl: no WebGL here; wasm: first available/,
    );
  });

  it('in Node, says webgpu and webgl run only in a browser', async () => {
    await expect(selectBackend({ prefer: ['webgpu', 'webgl'], probes: machine() })).rejects.toThrow(
      'None of the backends webgpu, webgl requested by options.prefer can be used: webgpu: WebGPU runs only in a browser; webgl: WebGL runs only in a browser.',
    );
  });
});

describe('listCudaDevices', () => {
  const fs = (entries: Record<string, string[]>) => ({
    existsSync: (path: string) => path in entries,
    readdirSync: (path: string) => entries[path] ?? [],
  });

  it('lists the NVIDIA driver’s GPUs, filtered by CUDA_VISIBLE_DEVICES', () => {
    const driver = fs({ '/proc/driver/nvidia/gpus': ['0000:01:00.0', '0000:02:00.0'] });
    expect(listCudaDevices(driver, {})).toEqual(['0000:01:00.0', '0000:02:00.0']);
    expect(listCudaDevices(driver, { CUDA_VISIBLE_DEVICES: '1' })).toEqual(['0000:02:00.0']);
    expect(listCudaDevices(driver, { CUDA_VISIBLE_DEVICES: '' })).toEqual([]);
    expect(listCudaDevices(driver, { CUDA_VISIBLE_DEVICES: 'GPU-8a1b' })).toHaveLength(2);
  });

  it('falls back to /dev/nvidia0 and finds nothing without a driver', () => {
    expect(listCudaDevices(fs({ '/dev/nvidia0': [] }), {})).toEqual(['/dev/nvidia0']);
    expect(listCudaDevices(fs({}), {})).toEqual([]);
  });
});

