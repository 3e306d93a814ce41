import { tf } from '@dendrite/backend';
import { checkShape } from './argument-checks';
import { Initializer } from './initializer';

/**
 * All zeros (Keras `Zeros`, names `'zeros'`, `'zero'`): the default bias initializer.
 *
 * @example
 * ```ts
 * new Zeros().call([2, 2]); // [[0, 0], [0, 0]]
 * ```
 */
export class Zeros extends Initializer {
  static override className = 'Zeros';

  /** A new tensor of zeros. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.zeros(checkShape(shape, this.className), dtype);
  }
}
