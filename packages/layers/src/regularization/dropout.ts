import { tf } from '@dendrite/backend';
import { describeValue, randomDropout, optionKeys, checkNumber, layerOwner, FRACTION } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { SeedGenerator } from './seed-generator';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Dropout}. */
export interface DropoutArgs extends LayerArgs {
  /** Fraction of the inputs to drop, in [0, 1). */
  rate: number;
  /**
   * Shape of the keep/drop mask, broadcast over the input; null takes the input's size
   * (`[null, 1, null]` drops the same features at every timestep).
   */
  noiseShape?: Array<number | null>;
  /** Seed of the layer's own mask stream (else Dendrite's global stream of `setSeed`). */
  seed?: number;
}

/**
 * Checks a noise shape: a list of integers ≥ 1 or nulls.
 *
 * @throws Error naming the layer and the argument, expected vs received
 */
export function checkNoiseShape(value: unknown, layerName: string): Array<number | null> | undefined {
  if (value == null) return undefined;
  if (!Array.isArray(value) || value.some((size) => size !== null && !(Number.isInteger(size) && size >= 1))) {
    throw new Error(`Expected noiseShape to be a list of integers ≥ 1 or nulls, received ${describeValue(value)} in layer "${layerName}"`);
  }
  return [...value] as Array<number | null>;
}

/** The concrete mask shape for `x`: the noise shape with nulls replaced by the input's sizes. */
export function resolveNoiseShape(noiseShape: Array<number | null> | undefined, x: tf.Tensor, layerName: string): number[] {
  if (noiseShape === undefined) return x.shape;
  if (noiseShape.length !== x.rank) {
    throw new Error(`Expected noiseShape of rank ${x.rank} (the input's), received ${describeValue(noiseShape)} in layer "${layerName}"`);
  }
  return noiseShape.map((size, axis) => size ?? x.shape[axis]);
}

/**
 * Keras's `Dropout`: in training, sets a random `rate` fraction of the inputs to 0 and scales the
 * rest by `1 / (1 − rate)`, so that the expected sum is unchanged; the identity otherwise.
 *
 * @example
 * ```ts
 * const model = sequential({ layers: [dense({ units: 128, activation: 'relu', inputShape: [784] }), dropout({ rate: 0.3 })] });
 * ```
 */
export class Dropout extends Layer {
  static override className = 'Dropout';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<DropoutArgs, LayerArgs>({ seed: true, rate: true, noiseShape: true });
  readonly rate: number;
  readonly noiseShape?: Array<number | null>;
  readonly seed?: number;
  /** Draws the seed of each mask. */
  protected readonly seeds: SeedGenerator;

  /** @throws Error naming the layer when `rate` is outside [0, 1), or `noiseShape` / `seed` is invalid */
  constructor(args: DropoutArgs) {
    super(args);
    this.rate = checkNumber(args.rate, 'rate', layerOwner(this.name), FRACTION);
    this.noiseShape = checkNoiseShape(args.noiseShape, this.name);
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  /** The mask shape for `x` (the noise shape, or the input's). */
  protected maskShape(x: tf.Tensor): number[] {
    return resolveNoiseShape(this.noiseShape, x, this.name);
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (args.training !== true || this.rate === 0) return x;
    return randomDropout(x, this.rate, this.maskShape(x), this.seeds.next());
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed ?? null, noise_shape: this.noiseShape ?? null };
  }
}

registerLayer(Dropout);

/**
 * Makes a {@link Dropout} layer.
 *
 * Keras's positional arguments may come first, as `Dropout(rate, ...)`: `dropout(rate, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * dropout({ rate: 0.5 }).apply(x, { training: true });
 * ```
 */
export function dropout(args: DropoutArgs): Dropout;
export function dropout(rate: NonNullable<DropoutArgs['rate']>, options?: Omit<DropoutArgs, 'rate'>): Dropout;
export function dropout(...values: unknown[]): Dropout {
  return new Dropout(positionalOptions<DropoutArgs>(values, ['rate'], 'layer Dropout'));
}
