import { tf } from '@dendrite/backend';
import { checkOptionKeys, checkShape } from '@dendrite/backend/internal';
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
  /** Ones takes no options (an empty list, still checked). */
  static readonly optionKeys: readonly string[] = [];

  /** @throws TypeError for any option, or options that are not an object */
  constructor(args: Record<string, never> = {}) {
    super();
    checkOptionKeys(args, Ones.optionKeys, 'Ones');
  }

  /** A new tensor of ones. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.ones(checkShape(shape, `initializer ${this.className}`), dtype);
  }
}
