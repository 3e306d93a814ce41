import { nextSeed, tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { checkRate } from '../core/argument-checks';

/** Arguments of {@link Dropout}. */
export interface DropoutArgs extends LayerArgs {
  /** Fraction of the inputs to drop, in [0, 1). */
  rate: number;
  /** Shape of the mask, nulls taken from the input (`[null, 1, null]` drops whole timesteps). */
  noiseShape?: Array<number | null>;
  /** Seed of the masks (else the global stream of setSeed). */
  seed?: number;
}

/**
 * Sets a random `rate` fraction of the inputs to 0 in training and scales the rest by
 * `1 / (1 − rate)`; the identity outside training.
 */
export class Dropout extends Layer {
  static override className = 'Dropout';
  readonly rate: number;
  readonly noiseShape?: Array<number | null>;
  readonly seed?: number;
  constructor(args: DropoutArgs) {
    super(args);
    this.rate = checkRate(args.rate, 'rate', this.name);
    this.noiseShape = args.noiseShape;
    this.seed = args.seed;
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (!args.training || this.rate === 0) return x;
    const noiseShape = this.noiseShape?.map((size, axis) => size ?? x.shape[axis]);
    return tf.dropout(x, this.rate, noiseShape, this.seed ?? nextSeed());
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, noise_shape: this.noiseShape ?? null, seed: this.seed ?? null };
  }
}

registerLayer(Dropout);

/** Makes a {@link Dropout} layer. */
export function dropout(args: DropoutArgs): Dropout {
  return new Dropout(args);
}
