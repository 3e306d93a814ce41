import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, checkNumber, checkShape } from '@dendrite/backend/internal';
import { Initializer } from './initializer';

/** Arguments of {@link Constant}. */
export interface ConstantArgs {
  /** The value of every entry; 0 by default, as Keras. */
  value?: number;
}

/**
 * Every entry `value` (Keras `Constant`; config `{ value }`).
 *
 * @example
 * ```ts
 * new Constant({ value: 3.5 }).call([2]); // [3.5, 3.5]
 * ```
 */
export class Constant extends Initializer {
  static override className = 'Constant';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<ConstantArgs>({ value: true });
  /** The value of every entry. */
  readonly value: number;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `value` is not a finite number */
  constructor(args: ConstantArgs = {}) {
    super();
    checkOptionKeys(args, Constant.optionKeys, this.className);
    this.value = checkNumber(args.value ?? 0, 'value', `initializer ${this.className}`);
  }

  /** A new tensor filled with `value`. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.fill(checkShape(shape, `initializer ${this.className}`), this.value, dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}
