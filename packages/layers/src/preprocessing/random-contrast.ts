import { tf, uniformDraws } from '@dendrite/backend';
import { describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { factorRange } from './image-preprocessing';
import { RandomImageLayer, type RandomImageArgs } from './random-image-layer';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link RandomContrast}. */
export interface RandomContrastArgs extends RandomImageArgs {
  /** `f` in [0, 1] for a contrast factor in [1 − f, 1 + f], or `[lower, upper]` for [1 − lower, 1 + upper]. */
  factor: number | [number, number];
  /** The range outputs are clipped to ([0, 255]). */
  valueRange?: [number, number];
}

/**
 * Keras's `RandomContrast`: in training, each image's distance from its per-channel mean is
 * scaled by a random factor, then clipped to `valueRange`.
 */
export class RandomContrast extends RandomImageLayer {
  static override className = 'RandomContrast';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RandomContrastArgs, RandomImageArgs>({ factor: true, valueRange: true });
  readonly factor: [number, number];
  readonly valueRange: [number, number];

  /** @throws Error naming the layer when the factor is outside [0, 1] */
  constructor(args: RandomContrastArgs) {
    super(args);
    const [lower, upper] = typeof args.factor === 'number' ? [args.factor, args.factor] : factorRange(args.factor, 'factor', this.name);
    if (!(lower >= 0 && lower <= 1 && upper >= 0)) throw argumentError(args.factor, 'number', `Expected factor to be in [0, 1] or [lower, upper] with 0 ≤ lower ≤ 1, received ${describeValue(args.factor)} in layer "${this.name}"`);
    this.factor = [lower, upper];
    this.valueRange = args.valueRange ?? [0, 255];
  }

  protected augment(batch: tf.Tensor4D, seed: number | undefined): tf.Tensor4D {
    const n = batch.shape[0];
    const factors = tf.tensor4d(uniformDraws(n, [1 - this.factor[0], 1 + this.factor[1]], seed), [n, 1, 1, 1]);
    const mean = tf.mean(batch, [1, 2], true);
    return tf.clipByValue(tf.add(tf.mul(tf.sub(batch, mean), factors), mean), this.valueRange[0], this.valueRange[1]) as tf.Tensor4D;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), factor: this.factor, value_range: this.valueRange };
  }
}

registerLayer(RandomContrast);

/**
 * Makes a {@link RandomContrast} layer.
 *
 * Keras's positional arguments may come first, as `RandomContrast(factor, ...)`: `randomContrast(factor, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function randomContrast(args: RandomContrastArgs): RandomContrast;
export function randomContrast(factor: NonNullable<RandomContrastArgs['factor']>, options?: Omit<RandomContrastArgs, 'factor'>): RandomContrast;
export function randomContrast(...values: unknown[]): RandomContrast {
  return new RandomContrast(positionalOptions<RandomContrastArgs>(values, ['factor'], 'layer RandomContrast'));
}
