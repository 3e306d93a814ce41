import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { tf } from '../tf/index';
import type { GpuProbe } from './gpu-probes';
import { isSoftwareRenderer } from './gpu-probes';
import type { RuntimeProbes } from './runtime-probes';
import { selectBackend } from './select-backend';

const HARDWARE: GpuProbe = { found: true, description: 'nvidia ampere', software: false, float32: true };
const SWIFTSHADER: GpuProbe = { found: true, description: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver) (WebGL 2)', software: true, float32: true };

/** A browser page with the given GPUs; loading a GPU package registers a stand-in backend of that name. */
function page(gpus: { webgpu?: GpuProbe; webgl?: GpuProbe }, loaded: string[] = []): Partial<RuntimeProbes> {
  return {
    isNode: false,
    isInstalled: () => false,
    loadModule: () => Promise.reject(new Error('not in Node')),
    cudaDevices: () => [],
    env: {},
    cores: 4,
    webgpu: async () => gpus.webgpu ?? { found: false, why: 'navigator.gpu.requestAdapter() returned null' },
    webgl: async () => gpus.webgl ?? { found: false, why: 'the browser gave no WebGL context' },
    loadBrowserBackend: async (name) => {
      loaded.push(name);
      tf.registerBackend(name, () => new MathBackendCPU());
    },
  };
}

// wasm started once as Node starts it: the stand-in pages below cannot fetch its binaries.
beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

afterEach(async () => {
  await tf.setBackend('cpu');
  for (const name of ['webgpu', 'webgl']) if (tf.findBackendFactory(name) != null) tf.removeBackend(name);
});

describe('browser GPU candidates', () => {
  it('takes webgpu first when an adapter exists, loading only its package', async () => {
    const loaded: string[] = [];
    const info = await selectBackend({ probes: page({ webgpu: HARDWARE, webgl: HARDWARE }, loaded) });
    expect(info).toMatchObject({ name: 'webgpu', tfBackend: 'webgpu', simd: false, threads: 1 });
    expect(info.reason).toMatch(/; webgpu: first available in the default order \(cuda, native, webgpu, webgl, wasm, cpu\); WebGPU on nvidia ampere; tfjs's stock webgpu kernels$/);
    expect(loaded).toEqual(['webgpu']);
    expect(tf.getBackend()).toBe('webgpu');
  });

  it('takes webgl when there is no WebGPU adapter, saying why webgpu was passed over', async () => {
    const info = await selectBackend({ probes: page({ webgl: HARDWARE }) });
    expect(info.name).toBe('webgl');
    expect(info.reason).toContain('webgpu: navigator.gpu.requestAdapter() returned null; webgl: first available');
  });

  it('passes over software renderers for wasm SIMD, unless asked for them', async () => {
    const loaded: string[] = [];
    const info = await selectBackend({ probes: page({ webgpu: { ...SWIFTSHADER, description: 'google swiftshader' }, webgl: SWIFTSHADER }, loaded) });
    expect(info.name).toBe('wasm');
    expect(info.reason).toContain('webgpu: WebGPU draws in software on google swiftshader, slower than wasm SIMD');
    expect(info.reason).toContain('webgl: WebGL draws in software on ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver) (WebGL 2), slower than wasm SIMD');
    expect(loaded).toEqual([]);
    const requested = await selectBackend({ prefer: 'webgl', probes: page({ webgl: SWIFTSHADER }) });
    expect(requested.name).toBe('webgl');
    expect(requested.reason).toMatch(/^webgl: requested by options.prefer; WebGL on ANGLE .*, a software renderer;/);
  });

  it('refuses a WebGL that cannot render 32-bit floats, and says so when it was requested', async () => {
    const halfFloat: GpuProbe = { ...HARDWARE, description: 'Mali-G52', float32: false };
    const info = await selectBackend({ probes: page({ webgl: halfFloat }) });
    expect(info.name).toBe('wasm');
    expect(info.reason).toContain('webgl: WebGL on Mali-G52 cannot render 32-bit floats, so training would run at half precision');
    await expect(selectBackend({ prefer: 'webgl', probes: page({ webgl: halfFloat }) })).rejects.toThrow(
      /^Backend "webgl" requested by options.prefer cannot be used: webgl: WebGL on Mali-G52 cannot render 32-bit floats.*To fix: webgl: use wasm on this device\.$/,
    );
  });

  it('reports a GPU package that fails to load, and a backend that fails to start', async () => {
    const missing = { ...page({ webgpu: HARDWARE }), loadBrowserBackend: () => Promise.reject(new Error("Failed to resolve module specifier '@tensorflow/tfjs-backend-webgpu'")) };
    const info = await selectBackend({ probes: missing });
    expect(info.name).toBe('wasm');
    expect(info.reason).toContain("webgpu: @tensorflow/tfjs-backend-webgpu failed to load: Failed to resolve module specifier '@tensorflow/tfjs-backend-webgpu'");
    const failing = {
      ...page({ webgl: HARDWARE }),
      loadBrowserBackend: async () => {
        tf.registerBackend('webgl', () => {
          throw new Error('context lost');
        });
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(selectBackend({ prefer: 'webgl', probes: failing })).rejects.toThrow(/webgl: tfjs could not initialise the "webgl" backend.*To fix: webgl: enable hardware acceleration in the browser settings, or use wasm\.$/);
    warn.mockRestore();
  });
});

describe('isSoftwareRenderer', () => {
  it('knows the CPU renderers', () => {
    for (const name of ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'Microsoft Basic Render Driver']) {
      expect(isSoftwareRenderer(name), name).toBe(true);
    }
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});
