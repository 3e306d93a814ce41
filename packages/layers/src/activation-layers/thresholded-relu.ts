import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, layerOwner, NON_NEGATIVE } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link ThresholdedReLU}. */
export interface ThresholdedReLUArgs extends LayerArgs {
  /** Inputs at or below it give 0 (≥ 0, default 1). */
  theta?: number;
}

/**
 * Keras 2's `ThresholdedReLU` layer (gone from Keras 3, kept for old models): `x` for
 * `x > theta`, 0 otherwise.
 *
 * @example
 * ```ts
 * thresholdedReLU({ theta: 1 }).apply(tf.tensor1d([0.5, 1, 2])); // [0, 0, 2]
 * ```
 */
export class ThresholdedReLU extends Layer {
  static override className = 'ThresholdedReLU';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ThresholdedReLUArgs, LayerArgs>({ theta: true });
  readonly theta: number;

  /** @throws Error naming the layer when `theta` is negative or not a number */
  constructor(args: ThresholdedReLUArgs = {}) {
    super(args);
    this.theta = checkNumber(args.theta ?? 1, 'theta', layerOwner(this.name), NON_NEGATIVE);
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    // step(x − θ) rather than greater(x, θ): comparisons have no gradient in tfjs.
    return tf.mul(x, tf.step(tf.sub(x, this.theta)));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), theta: this.theta };
  }
}

registerLayer(ThresholdedReLU);

/**
 * Makes a {@link ThresholdedReLU} layer.
 *
 * Keras's positional arguments may come first, as `ThresholdedReLU(theta, ...)`: `thresholdedReLU(theta, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * thresholdedReLU({ theta: 0.5 });
 * ```
 */
export function thresholdedReLU(args?: ThresholdedReLUArgs): ThresholdedReLU;
export function thresholdedReLU(theta: NonNullable<ThresholdedReLUArgs['theta']>, options?: Omit<ThresholdedReLUArgs, 'theta'>): ThresholdedReLU;
export function thresholdedReLU(...values: unknown[]): ThresholdedReLU {
  return new ThresholdedReLU(positionalOptions<ThresholdedReLUArgs>(values, ['theta'], 'layer ThresholdedReLU'));
}
