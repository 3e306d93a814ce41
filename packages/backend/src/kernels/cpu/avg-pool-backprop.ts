import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { avgPoolBackprop, avgPoolInfo } from '../shared/avg-pool-backprop';
import type { CpuBackendLike } from './cpu-backend';

/** `AvgPoolGrad` on cpu dividing by the cells each window covers (see {@link avgPoolBackprop}). */
export const cpuAvgPoolBackpropKernel: KernelConfig = {
  kernelName: 'AvgPoolGrad',
  backendName: 'cpu',
  kernelFunc: ((args: { inputs: Record<string, TensorInfo>; backend: CpuBackendLike; attrs: Record<string, unknown> }) => {
    const { dy, input } = args.inputs;
    const dx = new Float32Array(input.shape.reduce((a, b) => a * b, 1));
    avgPoolBackprop(args.backend.data.get(dy.dataId).values, avgPoolInfo(input.shape, args.attrs), dx);
    return args.backend.makeTensorInfo(input.shape, 'float32', dx);
  }) as unknown as KernelFunc,
};
