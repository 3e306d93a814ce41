import type { tf } from '@dendrite/backend';
import { checkFactor } from './check-factor';
import { penalties } from './penalties';
import { Regularizer } from './regularizer';

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
  /** The L1 factor. */
  readonly l1: number;

  /** @throws Error when `l1` is negative or not finite */
  constructor(args: { l1?: number | null } = {}) {
    super();
    this.l1 = checkFactor(args.l1 ?? 0.01, 'l1', this.className);
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
export function l1(args: number | { l1?: number | null } = {}): L1 {
  return new L1(typeof args === 'number' ? { l1: args } : args);
}
