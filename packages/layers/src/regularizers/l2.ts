import { type tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, checkNumber, NON_NEGATIVE } from '@dendrite/backend/internal';
import { positionalOptions } from '../engine/positional-options';
import { penalties } from './penalties';
import { Regularizer } from './regularizer';

/** Arguments of {@link L2}. */
export interface L2Args {
  /** The L2 factor, 0.01 by default. */
  l2?: number | null;
}

/**
 * The L2 penalty `l2 · Σw²` (Keras `L2`, name `'l2'`; config `{ l2 }`), 0.01 by default. Keras's
 * L2 has no ½: it is twice the "weight decay" of some texts.
 *
 * @example
 * ```ts
 * new L2({ l2: 2 }).call(tf.ones([5, 5])); // 50
 * ```
 */
export class L2 extends Regularizer {
  static override className = 'L2';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<L2Args>({ l2: true });
  /** The L2 factor. */
  readonly l2: number;

  /** @throws TypeError for an unknown option key
   * @throws Error when `l2` is negative or not finite */
  constructor(args: L2Args = {}) {
    super();
    checkOptionKeys(args, L2.optionKeys, 'L2');
    this.l2 = checkNumber(args.l2 ?? 0.01, 'l2', `regularizer ${this.className}`, NON_NEGATIVE);
  }

  /** `l2 · Σw²`, a new scalar. */
  call(weight: tf.Tensor): tf.Tensor {
    return penalties(weight, 0, this.l2);
  }

  override getConfig(): Record<string, unknown> {
    return { l2: this.l2 };
  }
}

/**
 * A new {@link L2}: `l2(1e-5)` and `l2({ l2: 1e-5 })` are the same; `l2()` is 0.01.
 *
 * @throws Error when the factor is negative or not finite
 * @example
 * ```ts
 * dense({ units: 512, kernelRegularizer: l2(1e-5) });
 * ```
 */
export function l2(args?: L2Args): L2;
export function l2(l2: number | null, options?: Omit<L2Args, 'l2'>): L2;
export function l2(first?: number | null | L2Args, options?: Omit<L2Args, 'l2'>): L2 {
  return new L2(positionalOptions<L2Args>([first ?? undefined, options], ['l2'], 'L2'));
}
