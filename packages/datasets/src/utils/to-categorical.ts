import { checkOptionKeys, describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import type { ArrayWithShape } from '../loaders/image-classification';

/** Options of {@link toCategorical}, Keras's `num_classes` in camelCase. */
export interface ToCategoricalOptions {
  /** Classes (default: the largest label + 1). */
  numClasses?: number;
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const TO_CATEGORICAL_KEYS = optionKeys<ToCategoricalOptions>({ numClasses: true });

/**
 * One-hot rows from integer labels, as `keras.utils.to_categorical`.
 *
 * @param labels integer labels, shape [n] (or [n, 1])
 * @param numClasses classes (default: the largest label + 1), as Keras's second argument, or `{ numClasses }`
 * @throws TypeError for an unknown option (`num_classes` → `numClasses`)
 * @throws Error for a label that is not an integer in [0, numClasses), or a numClasses that is not an integer ≥ 1
 * @example `toCategorical([2, 0, 1], 3)` or `toCategorical(y, { numClasses: 10 })`
 */
export function toCategorical(labels: ArrayWithShape | ArrayLike<number>, numClasses?: number | ToCategoricalOptions): ArrayWithShape<Float32Array> {
  const withShape =
    typeof labels === 'object' &&
    // Stryker disable next-line ConditionalExpression: without it, null labels still throw a TypeError, from `'shape' in null` instead of from reading null.length
    labels !== null &&
    'shape' in labels &&
    'values' in labels;
  const values = withShape ? (labels as ArrayWithShape).values : (labels as ArrayLike<number>);
  let classes: number | undefined;
  if (typeof numClasses === 'object' && numClasses !== null) {
    checkOptionKeys(numClasses, TO_CATEGORICAL_KEYS, 'toCategorical');
    classes = numClasses.numClasses;
  } else {
    classes = numClasses ?? undefined;
  }
  if (classes !== undefined && !(Number.isInteger(classes) && classes >= 1)) {
    throw argumentError(classes, 'number', `Expected numClasses to be an integer ≥ 1 in toCategorical, received ${describeValue(classes)}`);
  }
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
