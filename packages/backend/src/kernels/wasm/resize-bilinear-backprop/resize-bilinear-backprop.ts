import type { KernelFunc } from '@tensorflow/tfjs-core';
import { resizeBilinearBackprop } from '../../shared/resize-bilinear-backprop';
import { allocate, heapView, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

/** `ResizeBilinearGrad` on wasm honouring `halfPixelCenters` (see {@link resizeBilinearBackprop}). */
export const resizeBilinearBackpropKernel: WasmKernelOverride = {
  kernelName: 'ResizeBilinearGrad',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { images, dy } = inputs;
      const out = allocate(backend, images.shape, 'float32');
      resizeBilinearBackprop(heapView(backend, dy), dy.shape, images.shape, attrs.alignCorners as boolean, attrs.halfPixelCenters as boolean, heapView(backend, out));
      return out;
    };
  },
};
