import { describeValue, argumentError } from '@dendrite/backend/internal';
import type { ArrayWithShape } from '../loaders/image-classification';

/**
 * Pixels as float32 in [0, 1] (`x / 255`), optionally reshaped (`[60000, 784]` to flatten MNIST),
 * the usual preparation of image inputs for a dense or convolutional model.
 *
 * @param images - the pixels
 * @param shape - the new shape (the same by default)
 * @param divisor - what every value is divided by (255)
 * @throws Error when the new shape is not a list of sizes holding the same number of values, or the divisor is not a non-zero finite number
 */
export function scaleImages(images: ArrayWithShape, shape?: number[], divisor = 255): ArrayWithShape<Float32Array> {
  if (shape !== undefined && !(Array.isArray(shape) && shape.every((size) => Number.isInteger(size) && size >= 0))) {
    throw new Error(`Expected shape to be a list of sizes in scaleImages, received ${describeValue(shape)}`);
  }
  if (!(Number.isFinite(divisor) && divisor !== 0)) throw argumentError(divisor, 'number', `Expected divisor to be a non-zero finite number in scaleImages, received ${describeValue(divisor)}`);
  const out = new Float32Array(images.values.length);
  // Stryker disable next-line EqualityOperator: `i <= out.length` adds a write at out[length], past the end of a Float32Array, where it is dropped
  for (let i = 0; i < out.length; i++) out[i] = images.values[i] / divisor;
  const target = shape ?? images.shape;
  const size = target.reduce((a, b) => a * b, 1);
  if (size !== out.length) throw new Error(`Expected a shape holding ${out.length} values, received [${target.join(', ')}] (${size})`);
  return { values: out, shape: [...target] };
}
