import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { allocate, callKernel, heapAddress, heapView, release, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import { type WasmKernelOverride, assertStock } from '../wasm-kernel-overrides';
import { col2imBackpropInput } from './conv2d-backprop-input-col2im';

/**
 * The input gradient of a 2-D convolution (and so `conv2dTranspose`). A sparse `dy` (a max-pool
 * gradient times a relu mask) goes through {@link col2imBackpropInput}, a zero-skipping matmul
 * and a col2im scatter-add. Otherwise, through the XNNPACK
 * convolution: `dy` is spread out by the stride and padded in JS, the filter is turned 180° with
 * its channel axes swapped, and one stock `Conv2D` does the rest. The stock wasm kernel is a
 * scalar loop (136 ms against a few for a 128×13×13×32 input with a 3×3×32×64 filter).
 */
export const conv2dBackpropInputOverride: WasmKernelOverride = {
  kernelName: 'Conv2DBackpropInput',
  makeKernel(stock: KernelFunc | undefined): KernelFunc {
    assertStock(stock, 'Conv2DBackpropInput');
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { dy, filter } = inputs;
      const inputShape = attrs.inputShape as [number, number, number, number];
      const dataFormat = (attrs.dataFormat as string) ?? 'NHWC';
      if (dataFormat !== 'NHWC') return stock(rawArgs);
      const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], attrs.strides as [number, number], 1, attrs.pad as 'valid', attrs.dimRoundingMode as 'floor' | undefined, false, 'channelsLast');
      const col2im = col2imBackpropInput(backend, dy, filter, info);
      if (col2im !== undefined) return col2im as unknown as ReturnType<KernelFunc>;
      const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
      const padTop = filterHeight - 1 - info.padInfo.top;
      const padLeft = filterWidth - 1 - info.padInfo.left;
      const paddedHeight = inHeight + filterHeight - 1;
      const paddedWidth = inWidth + filterWidth - 1;
      const lastRow = padTop + (outHeight - 1) * strideHeight;
      const lastColumn = padLeft + (outWidth - 1) * strideWidth;
      // Paddings the stock kernel handles but this layout cannot (explicit pads beyond the filter).
      if (padTop < 0 || padLeft < 0 || lastRow >= paddedHeight || lastColumn >= paddedWidth) return stock(rawArgs);

      const spread = allocate(backend, [batchSize, paddedHeight, paddedWidth, outChannels], 'float32');
      const turned = allocate(backend, [filterHeight, filterWidth, outChannels, inChannels], 'float32');
      (heapView(backend, spread) as Float32Array).fill(0);
      // One view of the whole heap: copies within it make no subarray per pixel.
      const memory = wasmMemory(backend);
      const heap = memory ? new Float32Array(memory.buffer) : undefined;
      const gradient = heapView(backend, dy) as Float32Array;
      const spreadValues = heapView(backend, spread) as Float32Array;
      const gradientStart = heapAddress(backend, dy) / 4;
      const spreadStart = heapAddress(backend, spread) / 4;
      // With a stride of 1 a row of dy lands as one run.
      const run = strideWidth === 1 ? outWidth : 1;
      for (let n = 0; n < batchSize; n++) {
        for (let oh = 0; oh < outHeight; oh++) {
          for (let ow = 0; ow < outWidth; ow += run) {
            const from = ((n * outHeight + oh) * outWidth + ow) * outChannels;
            const to = ((n * paddedHeight + padTop + oh * strideHeight) * paddedWidth + padLeft + ow * strideWidth) * outChannels;
            if (heap) heap.copyWithin(spreadStart + to, gradientStart + from, gradientStart + from + run * outChannels);
            else spreadValues.set(gradient.subarray(from, from + run * outChannels), to);
          }
        }
      }
      const weights = heapView(backend, filter) as Float32Array;
      const turnedValues = heapView(backend, turned) as Float32Array;
      for (let h = 0; h < filterHeight; h++) {
        for (let w = 0; w < filterWidth; w++) {
          for (let c = 0; c < inChannels; c++) {
            for (let o = 0; o < outChannels; o++) {
              turnedValues[((h * filterWidth + w) * outChannels + o) * inChannels + c] =
                weights[(((filterHeight - 1 - h) * filterWidth + (filterWidth - 1 - w)) * inChannels + c) * outChannels + o];
            }
          }
        }
      }
      try {
        return callKernel('Conv2D', {
          inputs: { x: spread, filter: turned },
          backend,
          attrs: { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined as never },
        });
      } finally {
        release(backend, spread);
        release(backend, turned);
      }
    };
  },
};
