/**
 * The gradient of `CropAndResize` (`tf.image.cropAndResize`), which tfjs-core leaves unregistered,
 * as TensorFlow's `CropAndResizeGradImage` and `CropAndResizeGradBoxes`: each crop sample is a
 * bilinear (or nearest) read at a position linear in its box, so the image gets `dy` back along
 * the interpolation weights and each box coordinate the sample's slope times the position's
 * derivative. Samples outside the image read the extrapolation value: no gradient. As in
 * TensorFlow, nearest sampling gives the boxes none. Runs on the host, as the forward kernel does.
 */
import * as tf from '@tensorflow/tfjs-core';

interface CropAndResizeAttributes {
  cropSize: [number, number];
  method: 'bilinear' | 'nearest';
}

/** Where crop sample `index` of `count` reads, on an axis of `size` pixels, and its derivatives in the box's two ends. */
function samplePosition(start: number, end: number, index: number, count: number, size: number): [position: number, dStart: number, dEnd: number] {
  if (count > 1) {
    const fraction = index / (count - 1);
    return [(start + (end - start) * fraction) * (size - 1), (1 - fraction) * (size - 1), fraction * (size - 1)];
  }
  return [0.5 * (start + end) * (size - 1), 0.5 * (size - 1), 0.5 * (size - 1)];
}

/**
 * The image's and the boxes' gradients of a crop-and-resize.
 *
 * @returns the image gradient and the boxes' gradient, flattened
 */
export function cropAndResizeGradients(
  dy: ArrayLike<number>,
  image: ArrayLike<number>,
  [batch, height, width, channels]: number[],
  boxes: ArrayLike<number>,
  boxIndices: ArrayLike<number>,
  [cropHeight, cropWidth]: [number, number],
  method: 'bilinear' | 'nearest',
): { image: Float32Array; boxes: Float32Array } {
  const imageGradient = new Float32Array(batch * height * width * channels);
  const boxGradient = new Float32Array(boxes.length);
  const pixel = (b: number, y: number, x: number) => ((b * height + y) * width + x) * channels;
  for (let box = 0; box < boxGradient.length / 4; box++) {
    const [y1, x1, y2, x2] = [0, 1, 2, 3].map((k) => boxes[box * 4 + k]);
    const b = boxIndices[box];
    if (b >= batch) continue;
    for (let y = 0; y < cropHeight; y++) {
      const [yIn, dyIn1, dyIn2] = samplePosition(y1, y2, y, cropHeight, height);
      if (yIn < 0 || yIn > height - 1) continue;
      for (let x = 0; x < cropWidth; x++) {
        const [xIn, dxIn1, dxIn2] = samplePosition(x1, x2, x, cropWidth, width);
        if (xIn < 0 || xIn > width - 1) continue;
        const out = ((box * cropHeight + y) * cropWidth + x) * channels;
        if (method === 'nearest') {
          const at = pixel(b, Math.round(yIn), Math.round(xIn));
          for (let c = 0; c < channels; c++) imageGradient[at + c] += dy[out + c];
          continue;
        }
        const [top, bottom, left, right] = [Math.floor(yIn), Math.ceil(yIn), Math.floor(xIn), Math.ceil(xIn)];
        const [yLerp, xLerp] = [yIn - top, xIn - left];
        const corners = [pixel(b, top, left), pixel(b, top, right), pixel(b, bottom, left), pixel(b, bottom, right)];
        const weights = [(1 - yLerp) * (1 - xLerp), (1 - yLerp) * xLerp, yLerp * (1 - xLerp), yLerp * xLerp];
        let slopeY = 0;
        let slopeX = 0;
        for (let c = 0; c < channels; c++) {
          const gradient = dy[out + c];
          corners.forEach((corner, k) => (imageGradient[corner + c] += weights[k] * gradient));
          const [topLeft, topRight, bottomLeft, bottomRight] = corners.map((corner) => image[corner + c]);
          const topValue = topLeft + (topRight - topLeft) * xLerp;
          const bottomValue = bottomLeft + (bottomRight - bottomLeft) * xLerp;
          slopeY += gradient * (bottomValue - topValue);
          slopeX += gradient * ((topRight - topLeft) * (1 - yLerp) + (bottomRight - bottomLeft) * yLerp);
        }
        boxGradient[box * 4] += slopeY * dyIn1;
        boxGradient[box * 4 + 2] += slopeY * dyIn2;
        boxGradient[box * 4 + 1] += slopeX * dxIn1;
        boxGradient[box * 4 + 3] += slopeX * dxIn2;
      }
    }
  }
  return { image: imageGradient, boxes: boxGradient };
}

tf.registerGradient({
  kernelName: 'CropAndResize',
  inputsToSave: ['image', 'boxes', 'boxInd'],
  gradFunc: (dy, saved, attrs) => {
    const [image, boxes, boxIndices] = saved;
    const { cropSize, method } = attrs as unknown as CropAndResizeAttributes;
    let gradients: { image: Float32Array; boxes: Float32Array } | undefined;
    // Both closures share one pass over the crops.
    const compute = () =>
      (gradients ??= cropAndResizeGradients((dy as tf.Tensor).dataSync(), image.dataSync(), image.shape, boxes.dataSync(), boxIndices.dataSync(), cropSize, method));
    return {
      image: () => tf.tensor(compute().image, image.shape, 'float32'),
      boxes: () => tf.tensor(compute().boxes, boxes.shape, 'float32'),
      boxInd: () => tf.zeros(boxIndices.shape, 'float32'),
    };
  },
});
