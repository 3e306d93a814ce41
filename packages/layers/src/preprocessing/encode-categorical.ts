import { tf } from '@dendrite/backend';
import type { Shape } from '../engine/shape';

/** How categorical layers write their outputs, as Keras's `output_mode`. */
export type CategoricalOutputMode = 'int' | 'one_hot' | 'multi_hot' | 'count' | 'tf_idf';

/**
 * The output shape of {@link encodeCategorical}, as Keras's: `one_hot` adds an axis of `depth`
 * (replacing a last axis of 1); `multi_hot`, `count` and `tf_idf` replace the last axis by `depth`.
 */
export function encodedShape(shape: Shape, mode: CategoricalOutputMode, depth: number | null): Shape {
  if (mode === 'int') return [...shape];
  if (mode === 'one_hot') return shape.length > 1 && shape.at(-1) === 1 ? [...shape.slice(0, -1), depth] : [...shape, depth];
  return shape.length === 0 ? [depth] : [...shape.slice(0, -1), depth];
}

/**
 * Encodes integer indices as Keras's `encode_categorical_inputs`: `one_hot` per value,
 * `multi_hot` (presence), `count` or `tf_idf` (count × `weights[index]`) along the last axis.
 * Indices outside `[0, depth)` (a mask) count nowhere.
 *
 * @param indices the indices, row-major
 * @param shape their shape (rank ≤ 2 for multi_hot/count/tf_idf, as Keras)
 * @param owner who encodes, for errors
 * @throws RangeError for rank > 2 in the bag modes
 */
export function encodeCategorical(
  indices: ArrayLike<number>,
  shape: number[],
  mode: Exclude<CategoricalOutputMode, 'int'>,
  depth: number,
  owner: string,
  weights?: ArrayLike<number>,
): tf.Tensor {
  const outputShape = encodedShape(shape, mode, depth) as number[];
  const output = new Float32Array(outputShape.reduce((product, size) => product * size, 1));
  if (mode === 'one_hot') {
    for (let position = 0; position < indices.length; position++) {
      const index = indices[position];
      if (index >= 0 && index < depth) output[position * depth + index] = 1;
    }
    return tf.tensor(output, outputShape);
  }
  if (shape.length > 2) throw new RangeError(`Expected inputs of rank ≤ 2 for output mode "${mode}" in ${owner}, received shape [${shape.join(', ')}]`);
  const rowLength = shape.length === 0 ? 1 : shape.at(-1)!;
  for (let position = 0; position < indices.length; position++) {
    const index = indices[position];
    if (!(index >= 0 && index < depth)) continue;
    const target = Math.floor(position / rowLength) * depth + index;
    output[target] = mode === 'multi_hot' ? 1 : output[target] + 1;
  }
  if (mode === 'tf_idf' && weights !== undefined) {
    for (let position = 0; position < output.length; position++) output[position] *= weights[position % depth] ?? 0;
  }
  return tf.tensor(output, outputShape);
}
