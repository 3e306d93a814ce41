import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, layerOwner, NON_NEGATIVE } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link LeakyReLU}. */
export interface LeakyReLUArgs extends LayerArgs {
  /** Slope below 0 (≥ 0; Keras 3's default 0.3). */
  negativeSlope?: number;
  /** Keras 2's (and tfjs's) name of `negativeSlope`, accepted for old code and configs. */
  alpha?: number;
}

/**
 * Keras's `LeakyReLU` layer: `x` for `x ≥ 0`, `negativeSlope·x` below (default slope 0.3, as Keras 3;
 * the `leaky_relu` activation's default is 0.2).
 *
 * @example
 * ```ts
 * leakyReLU().apply(tf.tensor1d([-10, 5])); // [-3, 5]
 * ```
 */
export class LeakyReLU extends Layer {
  static override className = 'LeakyReLU';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<LeakyReLUArgs, LayerArgs>({ alpha: true, negativeSlope: true });
  readonly negativeSlope: number;

  /** @throws Error naming the layer when the slope is negative or not a number */
  constructor(args: LeakyReLUArgs = {}) {
    super(args);
    this.negativeSlope = checkNumber(args.negativeSlope ?? args.alpha ?? 0.3, args.negativeSlope === undefined && args.alpha !== undefined ? 'alpha' : 'negativeSlope', layerOwner(this.name), NON_NEGATIVE);
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return tf.leakyRelu(inputs as tf.Tensor, this.negativeSlope);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), negative_slope: this.negativeSlope };
  }
}

registerLayer(LeakyReLU);

/**
 * Makes a {@link LeakyReLU} layer.
 *
 * Keras's positional arguments may come first, as `LeakyReLU(negativeSlope, ...)`: `leakyReLU(negativeSlope, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * leakyReLU({ negativeSlope: 0.1 });
 * ```
 */
export function leakyReLU(args?: LeakyReLUArgs): LeakyReLU;
export function leakyReLU(negativeSlope: NonNullable<LeakyReLUArgs['negativeSlope']>, options?: Omit<LeakyReLUArgs, 'negativeSlope'>): LeakyReLU;
export function leakyReLU(...values: unknown[]): LeakyReLU {
  return new LeakyReLU(positionalOptions<LeakyReLUArgs>(values, ['negativeSlope'], 'layer LeakyReLU'));
}
