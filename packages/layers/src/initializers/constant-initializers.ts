import { tf } from '@dendrite/backend';
import { checkNumber, Initializer } from './initializer';

/** All zeros. */
export class Zeros extends Initializer {
  static override className = 'Zeros';
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.zeros(shape, dtype);
  }
}

/** All ones. */
export class Ones extends Initializer {
  static override className = 'Ones';
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.ones(shape, dtype);
  }
}

/** Every entry `value`. */
export class Constant extends Initializer {
  static override className = 'Constant';
  readonly value: number;
  constructor(args: { value?: number } = {}) {
    super();
    this.value = checkNumber(args.value ?? 0, 'value', 'Constant');
  }
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.fill(shape, this.value, dtype);
  }
  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}

/**
 * `gain · I` for a 2-D shape, as Keras's `Identity`.
 *
 * @throws Error for a shape that is not 2-D
 */
export class Identity extends Initializer {
  static override className = 'Identity';
  readonly gain: number;
  constructor(args: { gain?: number } = {}) {
    super();
    this.gain = checkNumber(args.gain ?? 1, 'gain', 'Identity');
  }
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    if (shape.length !== 2) throw new Error(`Expected a 2-D shape in initializer Identity, received [${shape.join(', ')}]`);
    return tf.tidy(() => tf.cast(tf.mul(tf.eye(shape[0], shape[1]), this.gain), dtype));
  }
  override getConfig(): Record<string, unknown> {
    return { gain: this.gain };
  }
}
