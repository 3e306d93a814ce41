import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { resizeBilinearBackprop } from '../shared/resize-bilinear-backprop';
import type { CpuBackendLike } from './cpu-backend';

/** `ResizeBilinearGrad` on cpu right for non-square images (see {@link resizeBilinearBackprop}). */
export const cpuResizeBilinearBackpropKernel: KernelConfig = {
  kernelName: 'ResizeBilinearGrad',
  backendName: 'cpu',
  kernelFunc: ((args: { inputs: Record<string, TensorInfo>; backend: CpuBackendLike; attrs: Record<string, unknown> }) => {
    const { images, dy } = args.inputs;
    const dx = new Float32Array(images.shape.reduce((a, b) => a * b, 1));
    resizeBilinearBackprop(args.backend.data.get(dy.dataId).values, dy.shape, images.shape, args.attrs.alignCorners as boolean, args.attrs.halfPixelCenters as boolean, dx);
    return args.backend.makeTensorInfo(images.shape, 'float32', dx);
  }) as unknown as KernelFunc,
};
