/**
 * What a page says of one GPU API: a device (its name, whether it draws in software, whether it
 * can render 32-bit floats, which tfjs needs to train at full precision) or why there is none.
 */
export type GpuProbe =
  | { found: true; description: string; software: boolean; float32: boolean }
  | { found: false; why: string };

/** The tfjs backends reached through a browser's GPU APIs. */
export type BrowserGpuBackend = 'webgpu' | 'webgl';

/**
 * Renderers that draw on the CPU: Chromium's SwiftShader (headless, `--disable-gpu`, blocklisted
 * drivers), Mesa's llvmpipe/softpipe, Windows' basic render driver. tfjs on them is slower than
 * wasm SIMD, so the default order passes them over.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether a WebGL renderer or WebGPU adapter name is a software one. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; device?: string; isFallbackAdapter?: boolean };
}

interface NavigatorWithGpu {
  gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null> };
}

/**
 * Asks `navigator.gpu` for an adapter, as tfjs-backend-webgpu will.
 *
 * @returns the adapter's name and whether it is a fallback (software) one, or why there is none
 */
export async function probeWebgpuAdapter(): Promise<GpuProbe> {
  const gpu = (globalThis as { navigator?: NavigatorWithGpu }).navigator?.gpu;
  if (gpu == null) return { found: false, why: 'navigator.gpu is missing (no WebGPU in this browser, or the page is not a secure context)' };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { found: false, why: `navigator.gpu.requestAdapter() failed: ${(error as Error).message}` };
  }
  if (adapter == null) return { found: false, why: 'navigator.gpu.requestAdapter() returned null (GPU disabled, blocklisted or absent)' };
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.description || info.device].filter((part) => part).join(' ') || 'an unnamed adapter';
  const software = adapter.isFallbackAdapter === true || info.isFallbackAdapter === true || isSoftwareRenderer(description);
  return { found: true, description, software, float32: true };
}

interface WebglLike {
  RENDERER: number;
  getParameter(name: number): unknown;
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL?: number; loseContext?: () => void } | null;
}

/**
 * Opens a WebGL context on a scratch canvas (WebGL 2, else 1), reads its renderer, and releases it.
 *
 * @returns the renderer (`ANGLE (Google, Vulkan …SwiftShader…)`) and whether it draws in software, or why there is none
 */
export async function probeWebglContext(): Promise<GpuProbe> {
  const scope = globalThis as { OffscreenCanvas?: new (width: number, height: number) => { getContext(kind: string): unknown }; document?: { createElement(tag: string): { getContext(kind: string): unknown } } };
  let canvas: { getContext(kind: string): unknown } | undefined;
  if (scope.OffscreenCanvas != null) canvas = new scope.OffscreenCanvas(1, 1);
  else if (scope.document != null) canvas = scope.document.createElement('canvas');
  if (canvas == null) return { found: false, why: 'there is no canvas to draw on (neither OffscreenCanvas nor a document)' };
  const webgl2 = canvas.getContext('webgl2') as WebglLike | null;
  const gl = webgl2 ?? (canvas.getContext('webgl') as WebglLike | null);
  if (gl == null) return { found: false, why: 'the browser gave no WebGL context (disabled, blocklisted, or too many contexts open)' };
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debugInfo?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER) ?? 'an unnamed renderer');
  // The extensions tfjs-backend-webgl's WEBGL_RENDER_FLOAT32_CAPABLE looks for.
  const float32 = webgl2 != null ? gl.getExtension('EXT_color_buffer_float') != null : gl.getExtension('OES_texture_float') != null && gl.getExtension('WEBGL_color_buffer_float') != null;
  gl.getExtension('WEBGL_lose_context')?.loseContext?.();
  return { found: true, description: `${renderer} (WebGL ${webgl2 != null ? 2 : 1})`, software: isSoftwareRenderer(renderer), float32 };
}

/**
 * Loads a GPU backend package: it registers its tfjs backend as a side effect. Literal imports,
 * so that bundlers split each into a chunk that only a browser with that GPU API ever fetches.
 */
export function loadBrowserGpuBackend(name: BrowserGpuBackend): Promise<unknown> {
  return name === 'webgpu' ? import('@tensorflow/tfjs-backend-webgpu') : import('@tensorflow/tfjs-backend-webgl');
}
