import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { SeedGenerator } from './seed-generator';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link GaussianNoise}. */
export interface GaussianNoiseArgs extends LayerArgs {
  /** Standard deviation of the noise (≥ 0). */
  stddev: number;
  /** Seed of the layer's own noise stream (else Dendrite's global stream of `setSeed`). */
  seed?: number;
}

/**
 * Keras's `GaussianNoise`: adds zero-centred Gaussian noise of standard deviation `stddev` in
 * training (a form of data augmentation); the identity otherwise.
 *
 * @example
 * ```ts
 * gaussianNoise({ stddev: 0.1 }).apply(x, { training: true });
 * ```
 */
export class GaussianNoise extends Layer {
  static override className = 'GaussianNoise';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<GaussianNoiseArgs, LayerArgs>({ seed: true, stddev: true });
  readonly stddev: number;
  readonly seed?: number;
  private readonly seeds: SeedGenerator;

  /** @throws Error naming the layer when `stddev` is not a finite number ≥ 0, or `seed` is invalid */
  constructor(args: GaussianNoiseArgs) {
    super(args);
    if (typeof args.stddev !== 'number' || !Number.isFinite(args.stddev) || args.stddev < 0) {
      throw argumentError(args.stddev, 'number', `Expected stddev to be a finite number ≥ 0, received ${describeValue(args.stddev)} in layer "${this.name}"`);
    }
    this.stddev = args.stddev;
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (args.training !== true || this.stddev === 0) return x;
    return tf.add(x, tf.randomNormal(x.shape, 0, this.stddev, 'float32', this.seeds.next()));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed ?? null };
  }
}

registerLayer(GaussianNoise);

/**
 * Makes a {@link GaussianNoise} layer.
 *
 * Keras's positional arguments may come first, as `GaussianNoise(stddev, ...)`: `gaussianNoise(stddev, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * gaussianNoise({ stddev: 0.2, seed: 1 });
 * ```
 */
export function gaussianNoise(args: GaussianNoiseArgs): GaussianNoise;
export function gaussianNoise(stddev: NonNullable<GaussianNoiseArgs['stddev']>, options?: Omit<GaussianNoiseArgs, 'stddev'>): GaussianNoise;
export function gaussianNoise(...values: unknown[]): GaussianNoise {
  return new GaussianNoise(positionalOptions<GaussianNoiseArgs>(values, ['stddev'], 'layer GaussianNoise'));
}
