import type { TensorInfo } from '@tensorflow/tfjs-core';

/** What Dendrite's cpu kernels use of tfjs-backend-cpu's backend: the values of a tensor, and a new tensor from values. */
export interface CpuBackendLike {
  data: { get(dataId: object): { values: ArrayLike<number> } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array | Int32Array): TensorInfo;
}
