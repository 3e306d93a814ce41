import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { DROPOUT, DROPOUT_MASK } from '../../../ops/random-dropout';
import { dropoutMaskStream, fillDropoutMask, keepThreshold } from '../../shared/dropout-mask';
import { DROPOUT_MASK_MODULE } from './dropout-mask-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, callKernel, heapAddress, heapView, release, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

type MaskSimd = (...args: number[]) => void;
type WasmBackend = WasmKernelArgs['backend'];

/** Writes the mask of {@link fillDropoutMask} for `seed` and `rate` into `out`, four draws at a time where SIMD runs. */
function writeMask(backend: WasmBackend, out: TensorInfo, seed: number, rate: number): void {
  const size = heapView(backend, out).length;
  const memory = wasmMemory(backend);
  const simd = memory && (instantiateOn(memory, DROPOUT_MASK_MODULE)?.mask as MaskSimd | undefined);
  const bulk = simd ? size - (size % 4) : 0;
  if (simd && bulk > 0) {
    const { lanes } = dropoutMaskStream(seed);
    simd(heapAddress(backend, out), bulk * 4, lanes[0], lanes[1], lanes[2], lanes[3], keepThreshold(rate) | 0, Math.fround(1 / (1 - rate)));
  }
  if (bulk < size) fillDropoutMask(heapView(backend, out) as Float32Array, seed, rate, bulk);
}

/**
 * `DendriteDropoutMask` on wasm: the mask of {@link fillDropoutMask} written straight into wasm
 * memory, four draws at a time, instead of drawn in JavaScript and uploaded.
 */
export const dropoutMaskKernel: WasmKernelOverride = {
  kernelName: DROPOUT_MASK,
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { shape, rate, seed } = attrs as unknown as { shape: number[]; rate: number; seed: number };
      const out = allocate(backend, [...shape], 'float32');
      writeMask(backend, out, seed, rate);
      return out;
    };
  },
};

/**
 * `DendriteDropout` on wasm: `x` times its mask (for `seed` and `rate`, `x`'s shape) as one
 * kernel, the mask written in place and multiplied by the stock `Multiply` inside it. Its gradient
 * runs the same kernel on `dy` (the same seed draws the same mask), so nothing is saved.
 */
export const dropoutKernel: WasmKernelOverride = {
  kernelName: DROPOUT,
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { rate, seed } = attrs as unknown as { rate: number; seed: number };
      const mask = allocate(backend, [...inputs.x.shape], 'float32');
      writeMask(backend, mask, seed, rate);
      const out = callKernel('Multiply', { inputs: { a: inputs.x, b: mask }, backend });
      release(backend, mask);
      return out;
    };
  },
};
