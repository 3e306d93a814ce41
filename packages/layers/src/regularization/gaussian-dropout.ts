import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { checkRate } from '../core/argument-checks';
import { SeedGenerator } from './seed-generator';

/** Arguments of {@link GaussianDropout}. */
export interface GaussianDropoutArgs extends LayerArgs {
  /** Drop probability as for `Dropout`, in [0, 1): the noise has stddev `√(rate / (1 − rate))`. */
  rate: number;
  /** Seed of the layer's own noise stream (else Dendrite's global stream of `setSeed`). */
  seed?: number;
}

/**
 * Keras's `GaussianDropout`: multiplies the inputs by Gaussian noise of mean 1 and standard
 * deviation `√(rate / (1 − rate))` in training; the identity otherwise.
 *
 * @example
 * ```ts
 * gaussianDropout({ rate: 0.2 }).apply(x, { training: true });
 * ```
 */
export class GaussianDropout extends Layer {
  static override className = 'GaussianDropout';
  readonly rate: number;
  readonly seed?: number;
  private readonly seeds: SeedGenerator;

  /** @throws Error naming the layer when `rate` is outside [0, 1) or `seed` is invalid */
  constructor(args: GaussianDropoutArgs) {
    super(args);
    this.rate = checkRate(args.rate, 'rate', this.name);
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (args.training !== true || this.rate === 0) return x;
    const stddev = Math.sqrt(this.rate / (1 - this.rate));
    return tf.mul(x, tf.randomNormal(x.shape, 1, stddev, 'float32', this.seeds.next()));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed ?? null };
  }
}

registerLayer(GaussianDropout);

/**
 * Makes a {@link GaussianDropout} layer.
 *
 * @example
 * ```ts
 * gaussianDropout({ rate: 0.3 });
 * ```
 */
export function gaussianDropout(args: GaussianDropoutArgs): GaussianDropout {
  return new GaussianDropout(args);
}
