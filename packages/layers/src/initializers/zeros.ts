import { tf } from '@dendrite/backend';
import { checkOptionKeys, checkShape } from '@dendrite/backend/internal';
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
  /** Zeros takes no options (an empty list, still checked). */
  static readonly optionKeys: readonly string[] = [];

  /** @throws TypeError for any option, or options that are not an object */
  constructor(args: Record<string, never> = {}) {
    super();
    checkOptionKeys(args, Zeros.optionKeys, 'Zeros');
  }

  /** A new tensor of zeros. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.zeros(checkShape(shape, `initializer ${this.className}`), dtype);
  }
}
