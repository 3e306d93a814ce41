import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { validColumns } from '../conv2d-patches/conv2d-patches';
import { allocate, heapView, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

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
 * For each input position along one axis, the (tap, output position) pairs that read it, as
 * compressed rows: pairs `[start[i], start[i + 1])` of `taps` and `outputs` belong to position `i`.
 * Built once per call, so the inner loops test neither divisibility by the stride nor bounds.
 */
export function tapsByInputPosition(
  inSize: number,
  outSize: number,
  filterSize: number,
  stride: number,
  dilation: number,
  padBefore: number,
): { start: Int32Array; taps: Int32Array; outputs: Int32Array } {
  const start = new Int32Array(inSize + 1);
  const taps: number[] = [];
  const outputs: number[] = [];
  for (let i = 0; i < inSize; i++) {
    start[i] = taps.length;
    for (let k = 0; k < filterSize; k++) {
      const scaled = i + padBefore - k * dilation;
      if (scaled < 0 || scaled % stride !== 0 || scaled / stride >= outSize) continue;
      taps.push(k);
      outputs.push(scaled / stride);
    }
  }
  start[inSize] = taps.length;
  return { start, taps: Int32Array.from(taps), outputs: Int32Array.from(outputs) };
}

/**
 * The filter gradient of a depthwise convolution (missing on wasm): dW[kh,kw,c,m] = Σ x·dy.
 * Row by row of `dy`, so the rows of `x` it meets stay in cache; the sums are float64, as the cpu
 * backend's are.
 */
export const depthwiseConv2dBackpropFilterKernel: WasmKernelOverride = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const filterShape = attrs.filterShape as number[];
      const info = depthwiseInfo(inputs.x.shape, filterShape, attrs);
      const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
      const multiplier = filterShape[3];
      const out = allocate(backend, filterShape, 'float32');
      const x = heapView(backend, inputs.x) as Float32Array;
      const dy = heapView(backend, inputs.dy) as Float32Array;
      const sums = new Float64Array(tf.util.sizeFromShape(filterShape));
      const columns = Array.from({ length: filterWidth }, (_, kw) => validColumns(kw * dilationWidth - info.padInfo.left, strideWidth, inWidth, outWidth));
      const xStep = strideWidth * inChannels;
      for (let n = 0; n < batchSize; n++) {
        for (let oh = 0; oh < outHeight; oh++) {
          const dyRow = (n * outHeight + oh) * outWidth * outChannels;
          for (let kh = 0; kh < filterHeight; kh++) {
            const ih = oh * strideHeight + kh * dilationHeight - info.padInfo.top;
            if (ih < 0 || ih >= inHeight) continue;
            const xRow = (n * inHeight + ih) * inWidth * inChannels;
            for (let kw = 0; kw < filterWidth; kw++) {
              const [first, end] = columns[kw];
              const tap = (kh * filterWidth + kw) * outChannels;
              let xAt = xRow + (first * strideWidth + kw * dilationWidth - info.padInfo.left) * inChannels;
              let dyAt = dyRow + first * outChannels;
              for (let ow = first; ow < end; ow++, xAt += xStep, dyAt += outChannels) {
                if (multiplier === 1) {
                  for (let c = 0; c < inChannels; c++) sums[tap + c] += x[xAt + c] * dy[dyAt + c];
                  continue;
                }
                for (let c = 0; c < inChannels; c++) {
                  const value = x[xAt + c];
                  const base = c * multiplier;
                  for (let m = 0; m < multiplier; m++) sums[tap + base + m] += value * dy[dyAt + base + m];
                }
              }
            }
          }
        }
      }
      (heapView(backend, out) as Float32Array).set(sums);
      return out;
    };
  },
};

/**
 * The input gradient of a depthwise convolution (missing on wasm): each input pixel gathers
 * Σ dy·W over the (tap, output) pairs that read it, so it is written once, from float64 sums.
 */
export const depthwiseConv2dBackpropInputKernel: WasmKernelOverride = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const inputShape = attrs.inputShape as number[];
      const filterShape = inputs.filter.shape;
      const info = depthwiseInfo(inputShape, filterShape, attrs);
      const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterWidth } = info;
      const multiplier = filterShape[3];
      const rows = tapsByInputPosition(inHeight, outHeight, info.filterHeight, info.strideHeight, info.dilationHeight, info.padInfo.top);
      const cols = tapsByInputPosition(inWidth, outWidth, filterWidth, info.strideWidth, info.dilationWidth, info.padInfo.left);
      const out = allocate(backend, inputShape, 'float32');
      const dy = heapView(backend, inputs.dy) as Float32Array;
      const filter = heapView(backend, inputs.filter) as Float32Array;
      const dx = heapView(backend, out) as Float32Array;
      const pixel = new Float64Array(inChannels);
      let dxAt = 0;
      for (let n = 0; n < batchSize; n++) {
        for (let ih = 0; ih < inHeight; ih++) {
          for (let iw = 0; iw < inWidth; iw++, dxAt += inChannels) {
            pixel.fill(0);
            for (let r = rows.start[ih]; r < rows.start[ih + 1]; r++) {
              const dyRow = (n * outHeight + rows.outputs[r]) * outWidth;
              const tapRow = rows.taps[r] * filterWidth;
              for (let s = cols.start[iw]; s < cols.start[iw + 1]; s++) {
                const dyAt = (dyRow + cols.outputs[s]) * outChannels;
                const tap = (tapRow + cols.taps[s]) * outChannels;
                if (multiplier === 1) {
                  for (let c = 0; c < inChannels; c++) pixel[c] += dy[dyAt + c] * filter[tap + c];
                  continue;
                }
                for (let c = 0; c < inChannels; c++) {
                  const base = c * multiplier;
                  let total = 0;
                  for (let m = 0; m < multiplier; m++) total += dy[dyAt + base + m] * filter[tap + base + m];
                  pixel[c] += total;
                }
              }
            }
            dx.set(pixel, dxAt);
          }
        }
      }
      return out;
    };
  },
};
