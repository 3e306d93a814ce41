import type { KernelFunc } from '@tensorflow/tfjs-core';
import { projectiveTransform, type TransformAttributes } from '../../shared/projective-transform';
import { allocate, heapView, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

/**
 * `Transform` (`tf.image.transform`) on wasm with `wrap` and `reflect` right at any distance (the
 * stock kernel's `wrap` repeats the wrong rows beyond one image length); image augmentation runs
 * one per batch, so plain JavaScript over the wasm heap is fast enough.
 */
export const transformKernel: WasmKernelOverride = {
  kernelName: 'Transform',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs } = rawArgs as unknown as WasmKernelArgs;
      const { image, transforms } = inputs;
      const { interpolation, fillMode, fillValue, outputShape } = attrs as unknown as TransformAttributes;
      const [batch, height, width, channels] = image.shape;
      const outSize = outputShape ?? [height, width];
      const out = allocate(backend, [batch, outSize[0], outSize[1], channels], image.dtype);
      projectiveTransform(heapView(backend, image), image.shape, heapView(backend, transforms), transforms.shape[0], interpolation, fillMode, fillValue, outSize, heapView(backend, out));
      return out;
    };
  },
};
