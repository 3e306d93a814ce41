import { optionKeys, argumentError } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';
import { elu as eluActivation } from '../activations/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link ELU}. */
export interface ELUArgs extends LayerArgs {
  /** Scale of the negative part (1). */
  alpha?: number;
}

/**
 * Keras's `ELU` layer: `x` for `x > 0`, `alpha·(exp(x) − 1)` otherwise.
 *
 * @example
 * ```ts
 * elu({ alpha: 0.5 }).apply(tf.tensor1d([-1, 2])); // [0.5·(e⁻¹ − 1), 2]
 * ```
 */
export class ELU extends Layer {
  static override className = 'ELU';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ELUArgs, LayerArgs>({ alpha: true });
  readonly alpha: number;

  /** @throws Error naming the layer when `alpha` is not a finite number */
  constructor(args: ELUArgs = {}) {
    super(args);
    const alpha = args.alpha ?? 1;
    if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
      throw argumentError(args.alpha, 'number', `Expected alpha to be a finite number, received ${describeValue(args.alpha)} in layer "${this.name}"`);
    }
    this.alpha = alpha;
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return eluActivation(inputs as tf.Tensor, { alpha: this.alpha });
  }

  /** Keras 3 leaves `alpha` out of the config (and loses it); it is kept here. */
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}

registerLayer(ELU);

/**
 * Makes an {@link ELU} layer.
 *
 * Keras's positional arguments may come first, as `ELU(alpha, ...)`: `elu(alpha, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * elu();
 * ```
 */
export function elu(args?: ELUArgs): ELU;
export function elu(alpha: NonNullable<ELUArgs['alpha']>, options?: Omit<ELUArgs, 'alpha'>): ELU;
export function elu(...values: unknown[]): ELU {
  return new ELU(positionalOptions<ELUArgs>(values, ['alpha'], 'layer ELU'));
}
