import { tf } from '../../tf/index';

/** The pooling geometry of an `AvgPoolGrad` call: its attributes, resolved against the input's shape. */
export function avgPoolInfo(inputShape: number[], attrs: Record<string, unknown>): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computePool2DInfo(
    inputShape as [number, number, number, number],
    attrs.filterSize as [number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as 'valid',
    attrs.dimRoundingMode as 'floor' | undefined,
  );
}

/**
 * The gradient of a channels-last 2-D average pooling, as TensorFlow's `AvgPoolGrad`: each
 * window's gradient is shared evenly by the input cells the window covers, so windows that hang
 * over the padding (`same`) divide by the cells inside, as the forward pass does. tfjs 4.22's
 * kernels (cpu and wasm) divide by the full window there.
 *
 * @param dy `[batch, outHeight, outWidth, channels]`
 * @param dx `[batch, inHeight, inWidth, channels]`, written whole
 */
export function avgPoolBackprop(dy: ArrayLike<number>, info: tf.backend_util.Conv2DInfo, dx: { [index: number]: number; fill(value: number): unknown }): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  dx.fill(0);
  let at = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const rowStart = Math.max(0, oh * strideHeight - top);
      const rowEnd = Math.min(inHeight, oh * strideHeight - top + filterHeight);
      for (let ow = 0; ow < outWidth; ow++, at += channels) {
        const columnStart = Math.max(0, ow * strideWidth - left);
        const columnEnd = Math.min(inWidth, ow * strideWidth - left + filterWidth);
        const cells = (rowEnd - rowStart) * (columnEnd - columnStart);
        if (cells <= 0) continue;
        for (let r = rowStart; r < rowEnd; r++) {
          for (let c = columnStart; c < columnEnd; c++) {
            const base = ((b * inHeight + r) * inWidth + c) * channels;
            for (let d = 0; d < channels; d++) dx[base + d] += dy[at + d] / cells;
          }
        }
      }
    }
  }
}
