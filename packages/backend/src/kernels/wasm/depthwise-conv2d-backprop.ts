import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../tf/index';
import { allocate, heapView, type WasmKernelArgs } from './wasm-kernel-context';
import type { WasmKernelOverride } from './wasm-kernel-overrides';

function depthwiseInfo(inputShape: number[], filterShape: number[], attrs: Record<string, unknown>): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides as [number, number],
    (attrs.dilations as [number, number]) ?? 1,
    attrs.pad as 'valid',
    attrs.dimRoundingMode as 'floor' | undefined,
    true,
  );
}

/**
 * Visits every (image, output pixel, filter tap) that lands inside the input, with the flat
 * offsets of the input pixel, the output pixel and the tap — the loop both depthwise gradients share.
 */
function forEachTap(info: tf.backend_util.Conv2DInfo, visit: (inputOffset: number, outputOffset: number, tapOffset: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const outputOffset = ((n * outHeight + oh) * outWidth + ow) * outChannels;
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight + kh * dilationHeight - top;
          if (ih < 0 || ih >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth + kw * dilationWidth - left;
            if (iw < 0 || iw >= inWidth) continue;
            visit(((n * inHeight + ih) * inWidth + iw) * inChannels, outputOffset, (kh * filterWidth + kw) * outChannels);
          }
        }
      }
    }
  }
}

/** The filter gradient of a depthwise convolution (missing on wasm): dW[kh,kw,c,m] = Σ x·dy. */
export const depthwiseConv2dBackpropFilterKernel: WasmKernelOverride = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const filterShape = attrs.filterShape as number[];
      const info = depthwiseInfo(inputs.x.shape, filterShape, attrs);
      const multiplier = filterShape[3];
      const out = allocate(backend, filterShape, 'float32');
      const x = heapView(backend, inputs.x) as Float32Array;
      const dy = heapView(backend, inputs.dy) as Float32Array;
      const sums = new Float64Array(tf.util.sizeFromShape(filterShape));
      const channels = info.inChannels;
      forEachTap(info, (inputOffset, outputOffset, tapOffset) => {
        for (let c = 0; c < channels; c++) {
          const value = x[inputOffset + c];
          for (let m = 0; m < multiplier; m++) sums[tapOffset + c * multiplier + m] += value * dy[outputOffset + c * multiplier + m];
        }
      });
      (heapView(backend, out) as Float32Array).set(sums);
      return out;
    };
  },
};

/** The input gradient of a depthwise convolution (missing on wasm): dy scattered back through W. */
export const depthwiseConv2dBackpropInputKernel: WasmKernelOverride = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const inputShape = attrs.inputShape as number[];
      const filterShape = inputs.filter.shape;
      const info = depthwiseInfo(inputShape, filterShape, attrs);
      const multiplier = filterShape[3];
      const out = allocate(backend, inputShape, 'float32');
      const dy = heapView(backend, inputs.dy) as Float32Array;
      const filter = heapView(backend, inputs.filter) as Float32Array;
      const sums = new Float64Array(tf.util.sizeFromShape(inputShape));
      const channels = info.inChannels;
      forEachTap(info, (inputOffset, outputOffset, tapOffset) => {
        for (let c = 0; c < channels; c++) {
          let total = 0;
          for (let m = 0; m < multiplier; m++) total += dy[outputOffset + c * multiplier + m] * filter[tapOffset + c * multiplier + m];
          sums[inputOffset + c] += total;
        }
      });
      (heapView(backend, out) as Float32Array).set(sums);
      return out;
    };
  },
};
