import { optionKeys, checkNumber, layerOwner, NON_NEGATIVE } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { reluWith } from '../activations/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link ReLU}. */
export interface ReLUArgs extends LayerArgs {
  /** Largest output (≥ 0); null or undefined for none. */
  maxValue?: number | null;
  /** Slope below the threshold (≥ 0, default 0). */
  negativeSlope?: number;
  /** Inputs at or below it are rectified (≥ 0, default 0). */
  threshold?: number;
}

/**
 * Keras's `ReLU` layer: `x` above `threshold` (capped at `maxValue`), `negativeSlope·(x −
 * threshold)` below it; plain `max(x, 0)` with the defaults.
 *
 * @example
 * ```ts
 * reLU({ maxValue: 6 }).apply(tf.tensor1d([-1, 3, 9])); // [0, 3, 6]
 * ```
 */
export class ReLU extends Layer {
  static override className = 'ReLU';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ReLUArgs, LayerArgs>({ maxValue: true, negativeSlope: true, threshold: true });
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;
  private readonly rectify: (x: tf.Tensor) => tf.Tensor;

  /** @throws Error naming the layer when an option is negative or not a number */
  constructor(args: ReLUArgs = {}) {
    super(args);
    this.maxValue = args.maxValue == null ? null : checkNumber(args.maxValue, 'maxValue', layerOwner(this.name), NON_NEGATIVE);
    this.negativeSlope = checkNumber(args.negativeSlope ?? 0, 'negativeSlope', layerOwner(this.name), NON_NEGATIVE);
    this.threshold = checkNumber(args.threshold ?? 0, 'threshold', layerOwner(this.name), NON_NEGATIVE);
    this.rectify = reluWith({ maxValue: this.maxValue, negativeSlope: this.negativeSlope, threshold: this.threshold });
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return this.rectify(inputs as tf.Tensor);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), max_value: this.maxValue, negative_slope: this.negativeSlope, threshold: this.threshold };
  }
}

registerLayer(ReLU);

/**
 * Makes a {@link ReLU} layer.
 *
 * Keras's positional arguments may come first, as `ReLU(maxValue, ...)`: `reLU(maxValue, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * reLU({ negativeSlope: 0.1 });
 * ```
 */
export function reLU(args?: ReLUArgs): ReLU;
export function reLU(maxValue: NonNullable<ReLUArgs['maxValue']>, options?: Omit<ReLUArgs, 'maxValue'>): ReLU;
export function reLU(...values: unknown[]): ReLU {
  return new ReLU(positionalOptions<ReLUArgs>(values, ['maxValue'], 'layer ReLU'));
}
