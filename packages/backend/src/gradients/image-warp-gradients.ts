/**
 * Gradients, with respect to the image, of the warps tfjs-core leaves without one: `Transform`
 * (`tf.image.transform`, behind Dendrite's random rotation, zoom, shift and shear) and
 * `RotateWithOffset`. Both are linear in the image: every output pixel is a weighted sum of input
 * pixels (or the fill value), so the gradient sends each `dy` back along the same weights. The
 * transforms get no gradient, as in TensorFlow. Like the forward kernels, the adjoint runs on the
 * host (it reads `dy` and the transforms back).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mapCoordinate, type TransformAttributes, type TransformFillMode } from '../kernels/shared/projective-transform';

/**
 * The adjoint of {@link projectiveTransform} in the image: `dx[p] = Σ w · dy[o]` over every output
 * pixel `o` that read input pixel `p` with weight `w`.
 *
 * @param dy the output gradient, `[batch, outHeight, outWidth, channels]` flattened
 * @param imageShape `[batch, height, width, channels]`
 * @param transforms one transform of 8 numbers, or one per image
 * @param transformCount 1 or the batch size
 * @param interpolation as the forward pass
 * @param fillMode as the forward pass
 * @param outSize `[outHeight, outWidth]`
 * @returns the image gradient, flattened
 */
export function projectiveTransformAdjoint(
  dy: ArrayLike<number>,
  [batch, height, width, channels]: number[],
  transforms: ArrayLike<number>,
  transformCount: number,
  interpolation: 'nearest' | 'bilinear',
  fillMode: TransformFillMode,
  [outHeight, outWidth]: number[],
): Float32Array {
  const dx = new Float32Array(batch * height * width * channels);
  const rowStride = width * channels;
  const batchStride = height * rowStride;
  // Mirrors the forward read: pixels outside the image read the fill value, which has no gradient.
  const send = (b: number, y: number, x: number, from: number, weight: number) => {
    if (weight === 0 || y < 0 || y >= height || x < 0 || x >= width) return;
    const to = b * batchStride + y * rowStride + x * channels;
    for (let c = 0; c < channels; c++) dx[to + c] += weight * dy[from + c];
  };
  let index = 0;
  for (let b = 0; b < batch; b++) {
    const t = transformCount === 1 ? 0 : b * 8;
    const [a0, a1, a2, b0, b1, b2, c0, c1] = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => transforms[t + k]);
    for (let outY = 0; outY < outHeight; outY++) {
      for (let outX = 0; outX < outWidth; outX++, index += channels) {
        const k = c0 * outX + c1 * outY + 1;
        if (k === 0) continue;
        const x = mapCoordinate((a0 * outX + a1 * outY + a2) / k, width, fillMode);
        const y = mapCoordinate((b0 * outX + b1 * outY + b2) / k, height, fillMode);
        if (interpolation === 'nearest') {
          send(b, Math.round(y), Math.round(x), index, 1);
          continue;
        }
        const y0 = Math.floor(y);
        const x0 = Math.floor(x);
        const wy = y - y0;
        const wx = x - x0;
        send(b, y0, x0, index, (1 - wy) * (1 - wx));
        send(b, y0, x0 + 1, index, (1 - wy) * wx);
        send(b, y0 + 1, x0, index, wy * (1 - wx));
        send(b, y0 + 1, x0 + 1, index, wy * wx);
      }
    }
  }
  return dx;
}

tf.registerGradient({
  kernelName: 'Transform',
  inputsToSave: ['image', 'transforms'],
  gradFunc: (dy, saved, attrs) => {
    const [image, transforms] = saved;
    const { interpolation, fillMode } = attrs as unknown as TransformAttributes;
    const gradient = dy as tf.Tensor;
    return {
      image: () => {
        const values = projectiveTransformAdjoint(
          gradient.dataSync(), image.shape, transforms.dataSync(), transforms.shape[0], interpolation, fillMode, gradient.shape.slice(1, 3),
        );
        return tf.tensor(values, image.shape, 'float32');
      },
      transforms: () => tf.zeros(transforms.shape, 'float32'),
    };
  },
});

/**
 * The adjoint of tfjs's `RotateWithOffset` (nearest neighbour about a centre): each output pixel
 * that read an input pixel inside the image sends its `dy` back to it.
 */
function rotateWithOffsetAdjoint(dy: ArrayLike<number>, [batch, height, width, channels]: number[], radians: number, center: number | [number, number]): Float32Array {
  const dx = new Float32Array(batch * height * width * channels);
  const [centerX, centerY] = tf.backend_util.getImageCenter(center, height, width);
  const [sin, cos] = [Math.sin(radians), Math.cos(radians)];
  for (let b = 0; b < batch; b++) {
    const offset = b * height * width * channels;
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const x = Math.round((col - centerX) * cos - (row - centerY) * sin + centerX);
        const y = Math.round((col - centerX) * sin + (row - centerY) * cos + centerY);
        if (x < 0 || x >= width || y < 0 || y >= height) continue;
        const from = offset + (row * width + col) * channels;
        const to = offset + (y * width + x) * channels;
        for (let c = 0; c < channels; c++) dx[to + c] += dy[from + c];
      }
    }
  }
  return dx;
}

tf.registerGradient({
  kernelName: 'RotateWithOffset',
  inputsToSave: ['image'],
  gradFunc: (dy, saved, attrs) => {
    const [image] = saved;
    const { radians, center } = attrs as unknown as { radians: number; center: number | [number, number] };
    return { image: () => tf.tensor(rotateWithOffsetAdjoint((dy as tf.Tensor).dataSync(), image.shape, radians, center), image.shape, 'float32') };
  },
});
