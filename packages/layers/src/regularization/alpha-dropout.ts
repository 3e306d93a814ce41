import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, layerOwner, FRACTION } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { checkNoiseShape, resolveNoiseShape } from './dropout';
import { SeedGenerator } from './seed-generator';
// SELU's constants, which AlphaDropout keeps the statistics of.
import { SELU_ALPHA, SELU_SCALE } from '../activations/selu';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link AlphaDropout}. */
export interface AlphaDropoutArgs extends LayerArgs {
  /** Fraction of the inputs to drop, in [0, 1). */
  rate: number;
  /** Shape of the keep/drop mask, nulls taken from the input. */
  noiseShape?: Array<number | null>;
  /** Seed of the layer's own mask stream (else Dendrite's global stream of `setSeed`). */
  seed?: number;
}

/**
 * Keras's `AlphaDropout`, for SELU networks: in training, dropped inputs are set to SELU's negative
 * saturation `α' = −α·λ`, then an affine map `a·x + b` with `a = ((1 − rate)(1 + rate·α'²))^(−1/2)`
 * and `b = −a·α'·rate` restores the mean and variance; the identity otherwise.
 *
 * @example
 * ```ts
 * alphaDropout({ rate: 0.1 }).apply(x, { training: true });
 * ```
 */
export class AlphaDropout extends Layer {
  static override className = 'AlphaDropout';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<AlphaDropoutArgs, LayerArgs>({ seed: true, rate: true, noiseShape: true });
  readonly rate: number;
  readonly noiseShape?: Array<number | null>;
  readonly seed?: number;
  private readonly seeds: SeedGenerator;

  /** @throws Error naming the layer when `rate` is outside [0, 1), or `noiseShape` / `seed` is invalid */
  constructor(args: AlphaDropoutArgs) {
    super(args);
    this.rate = checkNumber(args.rate, 'rate', layerOwner(this.name), FRACTION);
    this.noiseShape = checkNoiseShape(args.noiseShape, this.name);
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (args.training !== true || this.rate === 0) return x;
    const alphaP = -SELU_ALPHA * SELU_SCALE;
    const uniform = tf.randomUniform(resolveNoiseShape(this.noiseShape, x, this.name), 0, 1, 'float32', this.seeds.next());
    const kept = tf.cast(tf.greaterEqual(uniform, this.rate), x.dtype);
    const a = ((1 - this.rate) * (1 + this.rate * alphaP ** 2)) ** -0.5;
    const b = -a * alphaP * this.rate;
    const dropped = tf.add(tf.mul(x, kept), tf.mul(tf.sub(1, kept), alphaP));
    return tf.add(tf.mul(dropped, a), b);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed ?? null, noise_shape: this.noiseShape ?? null };
  }
}

registerLayer(AlphaDropout);

/**
 * Makes an {@link AlphaDropout} layer.
 *
 * Keras's positional arguments may come first, as `AlphaDropout(rate, ...)`: `alphaDropout(rate, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * alphaDropout({ rate: 0.1, seed: 7 });
 * ```
 */
export function alphaDropout(args: AlphaDropoutArgs): AlphaDropout;
export function alphaDropout(rate: NonNullable<AlphaDropoutArgs['rate']>, options?: Omit<AlphaDropoutArgs, 'rate'>): AlphaDropout;
export function alphaDropout(...values: unknown[]): AlphaDropout {
  return new AlphaDropout(positionalOptions<AlphaDropoutArgs>(values, ['rate'], 'layer AlphaDropout'));
}
