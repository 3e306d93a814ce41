import type { ArrayWithShape } from '../loaders/image-classification';

/**
 * Pixels as float32 in [0, 1] (`x / 255`), optionally reshaped (`[60000, 784]` to flatten MNIST),
 * as the course notes prepare their inputs.
 *
 * @throws Error when the new shape does not hold the same number of values
 */
export function scaleImages(images: ArrayWithShape, shape?: number[], divisor = 255): ArrayWithShape<Float32Array> {
  const out = new Float32Array(images.values.length);
  for (let i = 0; i < out.length; i++) out[i] = images.values[i] / divisor;
  const target = shape ?? images.shape;
  const size = target.reduce((a, b) => a * b, 1);
  if (size !== out.length) throw new Error(`Expected a shape holding ${out.length} values, received [${target.join(', ')}] (${size})`);
  return { values: out, shape: [...target] };
}
