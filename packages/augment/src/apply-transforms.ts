import { tf } from '@dendrite/backend';
import { type FillMode, isIdentityMatrix, transformImages } from '@dendrite/backend/internal';
import { type TransformParameters, transformMatrix } from './affine';

/**
 * Applies one transform per image to a batch `[n, h, w, c]` on the backend: every image's affine
 * matrix (rotation, shift, shear, zoom, flips) in one `tf.image.transform` call with bilinear
 * sampling and Keras's fill mode, then the channel shifts (clipped to each image's range) and
 * brightness factors as batched tensor ops. Returns a new tensor; `images` is not disposed.
 */
export function applyTransforms(images: tf.Tensor4D, parameters: TransformParameters[], fillMode: FillMode, cval: number): tf.Tensor4D {
  const [n, height, width] = images.shape;
  if (parameters.length !== n) throw new Error(`Expected one transform per image (${n}), received ${parameters.length}`);
  return tf.tidy(() => {
    let out: tf.Tensor4D = images;
    const matrices = parameters.map((p) => transformMatrix(p, height, width));
    // Stryker disable next-line StringLiteral: tf.image.transform reads every interpolation but 'nearest' as bilinear
    if (!matrices.every(isIdentityMatrix)) out = transformImages(out, matrices, { interpolation: 'bilinear', fillMode, fillValue: cval });
    const needsRange = parameters.some((p) => p.channelShiftIntensity !== 0 || p.brightness !== null);
    if (!needsRange) return out === images ? out.clone() : out;
    // Each step reads the range of the image as the previous step left it, as Keras does.
    const range = (x: tf.Tensor4D) => [tf.min(x, [1, 2, 3], true), tf.max(x, [1, 2, 3], true)] as const;
    // Stryker disable next-line ConditionalExpression: shifting every image, by 0 where none is asked, then clipping to its own range leaves it exact
    if (parameters.some((p) => p.channelShiftIntensity !== 0)) {
      const [low, high] = range(out);
      const shift = tf.tensor4d(parameters.map((p) => p.channelShiftIntensity), [n, 1, 1, 1]);
      out = tf.minimum(tf.maximum(tf.add(out, shift), low), high);
    }
    // Stryker disable next-line ConditionalExpression: brightening every image, none chosen where none is asked, leaves them exact (tf.where keeps them bit for bit)
    if (parameters.some((p) => p.brightness !== null)) {
      // Keras's apply_brightness_shift(x, b, scale=False): an image within [0, 255] goes to PIL as it
      // is, which multiplies and clips to [0, 255]; another is scaled from [min, max] to [0, 255]
      // first and back after. (PIL also rounds to whole levels; Dendrite keeps the fractions.)
      const [low, high] = range(out);
      const factor = tf.tensor4d(parameters.map((p) => p.brightness ?? 1), [n, 1, 1, 1]);
      const asIs = tf.minimum(tf.maximum(tf.mul(out, factor), 0), 255);
      const rescaled = tf.add(low, tf.minimum(tf.maximum(tf.mul(tf.sub(out, low), factor), 0), tf.sub(high, low)));
      const withinLevels = tf.logicalAnd(tf.greaterEqual(low, 0), tf.lessEqual(high, 255));
      const brightened = tf.where(tf.broadcastTo(withinLevels, out.shape), asIs, rescaled);
      // (x − min)·1 + min is x only up to float32 rounding: the images without a factor stay exact.
      const chosen = tf.tensor4d(parameters.map((p) => (p.brightness === null ? 0 : 1)), [n, 1, 1, 1], 'bool');
      out = tf.where(tf.broadcastTo(chosen, out.shape), brightened, out) as tf.Tensor4D;
    }
    return out;
  });
}
