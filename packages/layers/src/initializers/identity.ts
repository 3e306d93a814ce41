import { tf } from '@dendrite/backend';
import { describeValue, checkOptionKeys, optionKeys, checkNumber, checkShape } from '@dendrite/backend/internal';
import { Initializer } from './initializer';

/** Arguments of {@link Identity}. */
export interface IdentityArgs {
  /** The factor on the diagonal; 1 by default. */
  gain?: number;
}

/**
 * `gain` times the identity matrix (Keras `Identity`, alias `IdentityInitializer`; config
 * `{ gain }`), for 2-D shapes only; a non-square shape gets ones on its leading diagonal.
 *
 * @example
 * ```ts
 * new Identity({ gain: 2 }).call([2, 3]); // [[2, 0, 0], [0, 2, 0]]
 * ```
 */
export class Identity extends Initializer {
  static override className = 'Identity';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<IdentityArgs>({ gain: true });
  /** The factor on the diagonal. */
  readonly gain: number;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `gain` is not a finite number */
  constructor(args: IdentityArgs = {}) {
    super();
    checkOptionKeys(args, Identity.optionKeys, this.className);
    this.gain = checkNumber(args.gain ?? 1, 'gain', `initializer ${this.className}`);
  }

  /**
   * A new `gain · I` of `shape`.
   *
   * @throws Error when `shape` is not 2-D
   */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    checkShape(shape, `initializer ${this.className}`);
    if (shape.length !== 2) {
      throw new Error(`Expected a 2-D shape in initializer Identity, received ${describeValue(shape)} of rank ${shape.length}`);
    }
    return tf.tidy(() => tf.cast(tf.mul(tf.eye(shape[0], shape[1]), this.gain), dtype));
  }

  override getConfig(): Record<string, unknown> {
    return { gain: this.gain };
  }
}
