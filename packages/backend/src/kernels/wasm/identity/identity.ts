import type { KernelFunc } from '@tensorflow/tfjs-core';
import type { WasmKernelArgs } from '../wasm-kernel-context';
import { type WasmKernelOverride, assertStock } from '../wasm-kernel-overrides';

/**
 * `Identity` that shares its input's memory, as the cpu backend's and wasm's own `Reshape` do: the
 * stock kernel copies the data, and tfjs runs it for every tensor a gradient saves — the batch,
 * each weight and activation, every training step. Tensors are immutable, so sharing is safe.
 */
export const identityOverride: WasmKernelOverride = {
  kernelName: 'Identity',
  makeKernel(stock: KernelFunc | undefined): KernelFunc {
    assertStock(stock, 'Identity');
    return (rawArgs) => {
      const { inputs, backend } = rawArgs as unknown as WasmKernelArgs;
      const x = inputs.x;
      if (x.dtype === 'string') return stock(rawArgs);
      backend.incRef(x.dataId);
      return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
    };
  },
};
