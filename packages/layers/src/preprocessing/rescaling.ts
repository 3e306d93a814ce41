import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Rescaling}. */
export interface RescalingArgs extends LayerArgs {
  /** Multiplies the inputs (`1 / 255`). */
  scale: number;
  /** Added after scaling (0). */
  offset?: number;
}

/** Keras's `Rescaling`: `x · scale + offset`, in training and inference. */
export class Rescaling extends Layer {
  static override className = 'Rescaling';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RescalingArgs, LayerArgs>({ scale: true, offset: true });
  readonly scale: number;
  readonly offset: number;

  /** @throws Error naming the layer when scale or offset is not a finite number */
  constructor(args: RescalingArgs) {
    super(args);
    for (const [name, value] of [['scale', args.scale], ['offset', args.offset ?? 0]] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Expected ${name} to be a finite number, received ${describeValue(value)} in layer "${this.name}"`);
    }
    this.scale = args.scale;
    this.offset = args.offset ?? 0;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return tf.add(tf.mul(inputs as tf.Tensor, this.scale), this.offset);
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), scale: this.scale, offset: this.offset };
  }
}

registerLayer(Rescaling);

/**
 * Makes a {@link Rescaling} layer: `rescaling({ scale: 1 / 255 })`.
 *
 * Keras's positional arguments may come first, as `Rescaling(scale, offset, ...)`: `rescaling(scale, offset, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function rescaling(args: RescalingArgs): Rescaling;
export function rescaling(scale: NonNullable<RescalingArgs['scale']>, offset?: NonNullable<RescalingArgs['offset']>, options?: Omit<RescalingArgs, 'scale' | 'offset'>): Rescaling;
export function rescaling(...values: unknown[]): Rescaling {
  return new Rescaling(positionalOptions<RescalingArgs>(values, ['scale', 'offset'], 'layer Rescaling'));
}
