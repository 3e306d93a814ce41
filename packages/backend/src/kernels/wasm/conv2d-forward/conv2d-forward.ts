import type { KernelFunc } from '@tensorflow/tfjs-core';
import type { WasmKernelArgs } from '../wasm-kernel-context';
import { type WasmKernelOverride, assertStock } from '../wasm-kernel-overrides';
import { conv2dByPatches } from './conv2d-by-patches';

/**
 * Wraps the stock (XNNPACK) `kernelName` — `Conv2D` or `FusedConv2D` — with
 * {@link conv2dByPatches}: im2col and Dendrite's SIMD matmul, split over the kernel pool's
 * threads. XNNPACK runs on the calling thread only in Node (see `NODE_XNNPACK_THREADS`), so on
 * one thread the stock kernel would do; the shapes the SIMD path does not take still run there.
 */
function conv2dOverride(kernelName: 'Conv2D' | 'FusedConv2D'): WasmKernelOverride {
  return {
    kernelName,
    makeKernel(stock: KernelFunc | undefined): KernelFunc {
      assertStock(stock, kernelName);
      return (rawArgs) => conv2dByPatches(rawArgs as unknown as WasmKernelArgs) ?? stock(rawArgs);
    },
  };
}

/** `Conv2D` on wasm through im2col and the SIMD matmul: see {@link conv2dByPatches}. */
export const conv2dForwardOverride = conv2dOverride('Conv2D');

/** `FusedConv2D` (bias, then linear or relu) on wasm through im2col and the SIMD matmul: see {@link conv2dByPatches}. */
export const fusedConv2dForwardOverride = conv2dOverride('FusedConv2D');
