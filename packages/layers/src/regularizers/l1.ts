import { type tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, checkNumber, NON_NEGATIVE } from '@dendrite/backend/internal';
import { positionalOptions } from '../engine/positional-options';
import { penalties } from './penalties';
import { Regularizer } from './regularizer';

/** Arguments of {@link L1}. */
export interface L1Args {
  /** The L1 factor, 0.01 by default. */
  l1?: number | null;
}

/**
 * The L1 penalty `l1 · Σ|w|` (Keras `L1`, name `'l1'`; config `{ l1 }`), 0.01 by default.
 *
 * @example
 * ```ts
 * new L1({ l1: 0.01 }).call(tf.ones([5, 5])); // 0.25
 * ```
 */
export class L1 extends Regularizer {
  static override className = 'L1';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<L1Args>({ l1: true });
  /** The L1 factor. */
  readonly l1: number;

  /** @throws TypeError for an unknown option key
   * @throws Error when `l1` is negative or not finite */
  constructor(args: L1Args = {}) {
    super();
    checkOptionKeys(args, L1.optionKeys, 'L1');
    this.l1 = checkNumber(args.l1 ?? 0.01, 'l1', `regularizer ${this.className}`, NON_NEGATIVE);
  }

  /** `l1 · Σ|w|`, a new scalar. */
  call(weight: tf.Tensor): tf.Tensor {
    return penalties(weight, this.l1, 0);
  }

  override getConfig(): Record<string, unknown> {
    return { l1: this.l1 };
  }
}

/**
 * A new {@link L1}: `l1(0.001)` and `l1({ l1: 0.001 })` are the same; `l1()` is 0.01.
 *
 * @throws Error when the factor is negative or not finite
 * @example
 * ```ts
 * dense({ units: 8, kernelRegularizer: l1(1e-4) });
 * ```
 */
export function l1(args?: L1Args): L1;
export function l1(l1: number | null, options?: Omit<L1Args, 'l1'>): L1;
export function l1(first?: number | null | L1Args, options?: Omit<L1Args, 'l1'>): L1 {
  return new L1(positionalOptions<L1Args>([first ?? undefined, options], ['l1'], 'L1'));
}
