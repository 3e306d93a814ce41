import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../tf/index';

/**
 * A kernel Dendrite registers on the wasm backend: either a replacement that wraps the stock kernel
 * (`stock` is then the config tfjs-backend-wasm registered) or a kernel the wasm backend lacks.
 */
export interface WasmKernelOverride {
  kernelName: string;
  /** Builds the kernel function; `stock` is undefined for kernels the wasm backend lacks. */
  makeKernel(stock: KernelFunc | undefined): KernelFunc;
}

/**
 * Narrows a wrapping override's `stock` to a kernel function.
 *
 * @throws Error when tfjs-backend-wasm registered no `kernelName` to wrap
 */
export function assertStock(stock: KernelFunc | undefined, kernelName: string): asserts stock is KernelFunc {
  if (stock == null) throw new Error(`Expected a stock wasm kernel "${kernelName}" to wrap, received none`);
}

const stockKernels = new Map<string, KernelConfig | undefined>();
let installedOverrides: WasmKernelOverride[] = [];

/** Whether Dendrite's wasm kernels are registered now. */
export function wasmKernelsInstalled(): boolean {
  return installedOverrides.length > 0;
}

/**
 * Registers Dendrite's wasm kernels, keeping each stock kernel so that {@link uninstallWasmKernels}
 * can put it back. Setup and dispose functions of the stock kernels are kept as they were.
 */
export function installWasmKernels(overrides: WasmKernelOverride[]): void {
  uninstallWasmKernels();
  for (const override of overrides) {
    const stock = stockKernels.has(override.kernelName)
      ? stockKernels.get(override.kernelName)
      : tf.getKernel(override.kernelName, 'wasm');
    stockKernels.set(override.kernelName, stock);
    if (stock != null) tf.unregisterKernel(override.kernelName, 'wasm');
    tf.registerKernel({
      kernelName: override.kernelName,
      backendName: 'wasm',
      kernelFunc: override.makeKernel(stock?.kernelFunc),
      setupFunc: stock?.setupFunc,
      disposeFunc: stock?.disposeFunc,
    });
  }
  installedOverrides = overrides;
}

/** Puts the stock tfjs-backend-wasm kernels back (for benchmarks and comparisons). */
export function uninstallWasmKernels(): void {
  for (const override of installedOverrides) {
    tf.unregisterKernel(override.kernelName, 'wasm');
    const stock = stockKernels.get(override.kernelName);
    if (stock != null) tf.registerKernel(stock);
  }
  installedOverrides = [];
}
