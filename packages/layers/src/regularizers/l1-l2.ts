import { type tf } from '@dendrite/backend';
import { checkOptionKeys, describeValue, optionKeys, checkNumber, NON_NEGATIVE } from '@dendrite/backend/internal';
import { isOptionsObject } from '../engine/positional-options';
import { penalties } from './penalties';
import { Regularizer } from './regularizer';

/** Arguments of {@link L1L2}. */
export interface L1L2Args {
  /** The L1 factor; 0 by default in the class, 0.01 in the {@link l1l2} factory. */
  l1?: number | null;
  /** The L2 factor; 0 by default in the class, 0.01 in the {@link l1l2} factory. */
  l2?: number | null;
}

/**
 * Both penalties: `l1 · Σ|w| + l2 · Σw²` (Keras `L1L2`; config `{ l1, l2 }`). As in Keras 3 the
 * class's factors default to 0, while the string `'l1_l2'` and the {@link l1l2} factory default
 * to 0.01 each.
 *
 * @example
 * ```ts
 * new L1L2({ l2: 0.1 }).call(tf.ones([5, 5])); // 2.5 (no L1 term)
 * ```
 */
export class L1L2 extends Regularizer {
  static override className = 'L1L2';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<L1L2Args>({ l1: true, l2: true });
  /** The L1 factor. */
  readonly l1: number;
  /** The L2 factor. */
  readonly l2: number;

  /** @throws TypeError for an unknown option key
   * @throws Error when a factor is negative or not finite */
  constructor(args: L1L2Args = {}) {
    super();
    checkOptionKeys(args, L1L2.optionKeys, 'L1L2');
    this.l1 = checkNumber(args.l1 ?? 0, 'l1', `regularizer ${this.className}`, NON_NEGATIVE);
    this.l2 = checkNumber(args.l2 ?? 0, 'l2', `regularizer ${this.className}`, NON_NEGATIVE);
  }

  /** `l1 · Σ|w| + l2 · Σw²`, a new scalar. */
  call(weight: tf.Tensor): tf.Tensor {
    return penalties(weight, this.l1, this.l2);
  }

  override getConfig(): Record<string, unknown> {
    return { l1: this.l1, l2: this.l2 };
  }
}

/**
 * A new {@link L1L2} with Keras's `l1_l2` shortcut defaults, 0.01 each (as tfjs-layers' `l1l2`).
 * The factors are named: a bare number is refused, since `l1_l2(0.01)` leaves l2 at 0.01 in
 * Keras 2 and at 0 in Keras 3.
 *
 * @throws TypeError for a bare number or an unknown option key
 * @throws Error when a factor is negative or not finite
 * @example
 * ```ts
 * dense({ units: 8, kernelRegularizer: l1l2({ l1: 1e-5, l2: 1e-4 }) });
 * ```
 */
export function l1l2(args: L1L2Args = {}): L1L2 {
  if (!isOptionsObject(args as unknown)) {
    throw new TypeError(`Expected the options of l1l2 to be an object { l1, l2 }, received ${describeValue(args)}: name the factor, l1l2({ l1: 0.01 })`);
  }
  checkOptionKeys(args, L1L2.optionKeys, 'L1L2');
  return new L1L2({ l1: args.l1 ?? 0.01, l2: args.l2 ?? 0.01 });
}
