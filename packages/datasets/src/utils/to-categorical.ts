import type { ArrayWithShape } from '../loaders/image-classification';

/**
 * One-hot rows from integer labels, as `keras.utils.to_categorical`.
 *
 * @param labels integer labels, shape [n] (or [n, 1])
 * @param numClasses classes (default: the largest label + 1)
 * @throws Error for a label that is not an integer in [0, numClasses)
 */
export function toCategorical(labels: ArrayWithShape | ArrayLike<number>, numClasses?: number): ArrayWithShape<Float32Array> {
  const withShape = typeof labels === 'object' && labels !== null && 'shape' in labels && 'values' in labels;
  const values = withShape ? (labels as ArrayWithShape).values : (labels as ArrayLike<number>);
  let classes = numClasses;
  if (classes === undefined) {
    classes = 0;
    for (let i = 0; i < values.length; i++) classes = Math.max(classes, values[i] + 1);
  }
  const out = new Float32Array(values.length * classes);
  for (let i = 0; i < values.length; i++) {
    const label = values[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(`Expected labels to be integers in [0, ${classes}), received ${label} at index ${i}`);
    }
    out[i * classes + label] = 1;
  }
  return { values: out, shape: [values.length, classes] };
}
