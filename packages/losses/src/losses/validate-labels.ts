import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';

/** What {@link validateLabels} checks besides finiteness. */
export interface ValidateLabelsOptions {
  /**
   * For integer (sparse) labels: the number of classes. Every label must then be an integer in
   * `[0, numClasses)` — out-of-range labels would otherwise give a silent zero loss.
   */
  numClasses?: number;
  /** A label that is allowed anyway (`ignoreClass` of the sparse crossentropy). */
  ignoreClass?: number;
}

const VALIDATE_LABELS_KEYS = optionKeys<ValidateLabelsOptions>({ numClasses: true, ignoreClass: true });

/**
 * Checks that labels hold no NaN or infinity (and, with `numClasses`, that they are class
 * indices). It reads the labels on the host, so call it where that is cheap — once per data set,
 * as `fit` does on its host copy of `y` — never inside a train step: the losses themselves do not
 * read values back, so they cannot see bad values.
 *
 * @param yTrue labels as a tensor (read back with `dataSync`) or as a host array
 * @param owner what the labels belong to, as errors show it (`y`, `loss "mse"`)
 * @param options `numClasses` (and `ignoreClass`) for integer labels
 * @throws Error naming the owner, the first bad value and its flat index
 * @example
 * ```ts
 * validateLabels(Float32Array.of(0, 1, NaN), 'y'); // throws: Expected finite labels in y, received NaN at flat index 2
 * validateLabels([0, 3], 'y', { numClasses: 3 });  // throws: Expected integer class labels in [0, 3) in y, received 3 at flat index 1
 * ```
 */
export function validateLabels(yTrue: tf.Tensor | ArrayLike<number>, owner: string, options: ValidateLabelsOptions = {}): void {
  checkOptionKeys(options, VALIDATE_LABELS_KEYS, 'validateLabels');
  const values = yTrue instanceof tf.Tensor ? (yTrue.dataSync() as ArrayLike<number>) : yTrue;
  const { numClasses, ignoreClass } = options;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) throw new Error(`Expected finite labels in ${owner}, received ${value} at flat index ${i}`);
    if (numClasses !== undefined && value !== ignoreClass && !(Number.isInteger(value) && value >= 0 && value < numClasses)) {
      throw new Error(`Expected integer class labels in [0, ${numClasses}) in ${owner}, received ${value} at flat index ${i}`);
    }
  }
}
