import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { softmax as softmaxActivation } from '../activations/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { normalizeAxis } from '../normalization/normalization-axes';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Softmax}. */
export interface SoftmaxArgs extends LayerArgs {
  /** The axis or axes normalized over (−1). */
  axis?: number | number[];
}

/**
 * Keras's `Softmax` layer: `exp(x) / Σ exp(x)` along `axis`. With a mask (the inputs' shape, or a
 * prefix of it; 1 to keep), masked positions get −1e9 added first, so they get no probability.
 *
 * @example
 * ```ts
 * softmax().apply(tf.tensor1d([1, 2, 1])); // [0.2119, 0.5761, 0.2119]
 * ```
 */
export class Softmax extends Layer {
  static override className = 'Softmax';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SoftmaxArgs, LayerArgs>({ axis: true });
  readonly axis: number | number[];

  /** @throws Error naming the layer when `axis` is not an integer or a non-empty list of them */
  constructor(args: SoftmaxArgs = {}) {
    super(args);
    const axis = args.axis ?? -1;
    const axes = Array.isArray(axis) ? axis : [axis];
    if (axes.length === 0 || axes.some((entry) => !Number.isInteger(entry))) {
      throw new Error(`Expected axis to be an integer or a non-empty list of integers, received ${describeValue(args.axis)} in layer "${this.name}"`);
    }
    this.axis = Array.isArray(axis) ? [...axis] : axis;
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    let x = inputs as tf.Tensor;
    // Checked against the input's rank here, so a bad axis names this layer.
    for (const axis of Array.isArray(this.axis) ? this.axis : [this.axis]) normalizeAxis(axis, x.rank, 'axis', this.name);
    const mask = (Array.isArray(args.mask) ? args.mask[0] : args.mask) ?? null;
    if (mask !== null) {
      // A sequence mask ([batch, steps] for [batch, steps, features]) covers whole positions.
      let keep = tf.cast(mask, x.dtype);
      while (keep.rank < x.rank) keep = tf.expandDims(keep, -1);
      x = tf.add(x, tf.mul(tf.sub(1, keep), -1e9));
    }
    return softmaxActivation(x, { axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}

registerLayer(Softmax);

/**
 * Makes a {@link Softmax} layer.
 *
 * Keras's positional arguments may come first, as `Softmax(axis, ...)`: `softmax(axis, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * softmax({ axis: 1 });
 * ```
 */
export function softmax(args?: SoftmaxArgs): Softmax;
export function softmax(axis: NonNullable<SoftmaxArgs['axis']>, options?: Omit<SoftmaxArgs, 'axis'>): Softmax;
export function softmax(...values: unknown[]): Softmax {
  return new Softmax(positionalOptions<SoftmaxArgs>(values, ['axis'], 'layer Softmax'));
}
