import type { KernelFunc } from '@tensorflow/tfjs-core';
import { avgPoolBackprop, avgPoolInfo } from '../../shared/avg-pool-backprop';
import { allocate, heapView, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

/** `AvgPoolGrad` on wasm dividing by the cells each window covers (see {@link avgPoolBackprop}). */
export const avgPoolBackpropKernel: WasmKernelOverride = {
  kernelName: 'AvgPoolGrad',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { dy, input } = inputs;
      const out = allocate(backend, input.shape, 'float32');
      avgPoolBackprop(heapView(backend, dy), avgPoolInfo(input.shape, attrs), heapView(backend, out));
      return out;
    };
  },
};
