import { tf } from '@dendrite/backend';
import { checkShape } from './argument-checks';
import { Initializer } from './initializer';

/**
 * All ones (Keras `Ones`, names `'ones'`, `'one'`).
 *
 * @example
 * ```ts
 * new Ones().call([3]); // [1, 1, 1]
 * ```
 */
export class Ones extends Initializer {
  static override className = 'Ones';

  /** A new tensor of ones. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.ones(checkShape(shape, this.className), dtype);
  }
}
