import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { projectiveTransform, type TransformAttributes } from '../shared/projective-transform';
import type { CpuBackendLike } from './cpu-backend';

/**
 * `Transform` (`tf.image.transform`) on cpu transforming every image of the batch (the stock
 * kernel of tfjs-backend-cpu 4.22 returns after the first and leaves the rest at the fill value),
 * with `wrap` and `reflect` right at any distance.
 */
export const cpuTransformKernel: KernelConfig = {
  kernelName: 'Transform',
  backendName: 'cpu',
  kernelFunc: ((args: { inputs: Record<string, TensorInfo>; backend: CpuBackendLike; attrs: unknown }) => {
    const { image, transforms } = args.inputs;
    const { interpolation, fillMode, fillValue, outputShape } = args.attrs as TransformAttributes;
    const [batch, height, width, channels] = image.shape;
    const outSize = outputShape ?? [height, width];
    const outShape = [batch, outSize[0], outSize[1], channels];
    const out = image.dtype === 'int32' ? new Int32Array(outShape.reduce((a, b) => a * b, 1)) : new Float32Array(outShape.reduce((a, b) => a * b, 1));
    const values = args.backend.data.get(image.dataId).values;
    projectiveTransform(values, image.shape, args.backend.data.get(transforms.dataId).values, transforms.shape[0], interpolation, fillMode, fillValue, outSize, out);
    return args.backend.makeTensorInfo(outShape, image.dtype, out);
  }) as unknown as KernelFunc,
};
