import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, layerOwner, FRACTION } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { SeedGenerator } from './seed-generator';
import { positionalOptions } from '../engine/positional-options';

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
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<GaussianDropoutArgs, LayerArgs>({ seed: true, rate: true });
  readonly rate: number;
  readonly seed?: number;
  private readonly seeds: SeedGenerator;

  /** @throws Error naming the layer when `rate` is outside [0, 1) or `seed` is invalid */
  constructor(args: GaussianDropoutArgs) {
    super(args);
    this.rate = checkNumber(args.rate, 'rate', layerOwner(this.name), FRACTION);
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
 * Keras's positional arguments may come first, as `GaussianDropout(rate, ...)`: `gaussianDropout(rate, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * gaussianDropout({ rate: 0.3 });
 * ```
 */
export function gaussianDropout(args: GaussianDropoutArgs): GaussianDropout;
export function gaussianDropout(rate: NonNullable<GaussianDropoutArgs['rate']>, options?: Omit<GaussianDropoutArgs, 'rate'>): GaussianDropout;
export function gaussianDropout(...values: unknown[]): GaussianDropout {
  return new GaussianDropout(positionalOptions<GaussianDropoutArgs>(values, ['rate'], 'layer GaussianDropout'));
}
