import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { tf } from '../../tf/index';
import { allocate, callKernel, heapView, release, type WasmKernelArgs } from './wasm-kernel-context';
import type { WasmKernelOverride } from './wasm-kernel-overrides';

/** Scalars of the transposed patch matrix built per chunk of the batch (64 MB of float32). */
const PATCH_BUDGET = 16 * 1024 * 1024;

/**
 * The filter gradient of a 2-D convolution, which tfjs-backend-wasm lacks: the input's patches are
 * laid out in JS as a transposed im2col matrix `[kh·kw·cin, n·oh·ow]`, and one plain (XNNPACK)
 * matmul with `dy` as `[n·oh·ow, cout]` gives `[kh·kw·cin, cout]`, the filter's layout. Large
 * batches are cut into chunks whose products are summed.
 */
export const conv2dBackpropFilterKernel: WasmKernelOverride = {
  kernelName: 'Conv2DBackpropFilter',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { x, dy } = inputs;
      const dataFormat = (attrs.dataFormat as string) ?? 'NHWC';
      if (dataFormat !== 'NHWC') throw new Error(`Expected dataFormat NHWC in Conv2DBackpropFilter on wasm, received ${dataFormat}`);
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        attrs.filterShape as [number, number, number, number],
        attrs.strides as [number, number],
        1,
        attrs.pad as 'valid',
        attrs.dimRoundingMode as 'floor' | undefined,
        false,
        'channelsLast',
      );
      const { batchSize, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
      const rows = filterHeight * filterWidth * inChannels;
      const perImage = outHeight * outWidth;
      const chunk = Math.max(1, Math.min(batchSize, Math.floor(PATCH_BUDGET / Math.max(1, rows * perImage))));
      const out = allocate(backend, [filterHeight, filterWidth, inChannels, outChannels], 'float32');
      let accumulated: TensorInfo | undefined;
      for (let first = 0; first < batchSize; first += chunk) {
        const count = Math.min(chunk, batchSize - first);
        const columns = count * perImage;
        const patches = allocate(backend, [1, rows, columns], 'float32');
        const dyChunk = allocate(backend, [1, columns, outChannels], 'float32');
        fillTransposedPatches(heapView(backend, x) as Float32Array, heapView(backend, patches) as Float32Array, info, first, count);
        const dyValues = heapView(backend, dy) as Float32Array;
        (heapView(backend, dyChunk) as Float32Array).set(dyValues.subarray(first * perImage * outChannels, (first + count) * perImage * outChannels));
        const product = callKernel('BatchMatMul', { inputs: { a: patches, b: dyChunk }, backend, attrs: { transposeA: false, transposeB: false } });
        release(backend, patches);
        release(backend, dyChunk);
        if (accumulated === undefined) accumulated = product;
        else {
          const sum = callKernel('Add', { inputs: { a: accumulated, b: product }, backend });
          release(backend, accumulated);
          release(backend, product);
          accumulated = sum;
        }
      }
      (heapView(backend, out) as Float32Array).set(heapView(backend, accumulated!) as Float32Array);
      release(backend, accumulated!);
      return out;
    };
  },
};

/** Writes rows `(kh, kw, c)` × columns `(n, oh, ow)` of the input's patches, zeros in the padding. */
function fillTransposedPatches(x: Float32Array, patches: Float32Array, info: tf.backend_util.Conv2DInfo, firstImage: number, images: number): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const columns = images * outHeight * outWidth;
  let row = 0;
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      for (let c = 0; c < inChannels; c++, row++) {
        let column = row * columns;
        for (let n = firstImage; n < firstImage + images; n++) {
          const imageOffset = n * inHeight * inWidth * inChannels + c;
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * strideHeight + kh * dilationHeight - top;
            if (ih < 0 || ih >= inHeight) {
              patches.fill(0, column, column + outWidth);
              column += outWidth;
              continue;
            }
            const rowOffset = imageOffset + ih * inWidth * inChannels;
            for (let ow = 0; ow < outWidth; ow++, column++) {
              const iw = ow * strideWidth + kw * dilationWidth - left;
              patches[column] = iw >= 0 && iw < inWidth ? x[rowOffset + iw * inChannels] : 0;
            }
          }
        }
      }
    }
  }
}
