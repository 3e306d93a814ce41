import { createRandom, uniform } from '@dendrite/backend';
import { type Matrix3, shiftMatrix, optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { factorRange } from './image-preprocessing';
import { RandomAffineLayer, type RandomAffineArgs } from './random-affine-layer';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link RandomTranslation}. */
export interface RandomTranslationArgs extends RandomAffineArgs {
  /** A fraction of the height: `f` for [−f, f] or `[lower, upper]`; positive moves down. */
  heightFactor: number | [number, number];
  /** A fraction of the width; positive moves right. */
  widthFactor: number | [number, number];
}

/** Keras's `RandomTranslation`: each image shifted by a random fraction of its size, in training. */
export class RandomTranslation extends RandomAffineLayer {
  static override className = 'RandomTranslation';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RandomTranslationArgs, RandomAffineArgs>({ heightFactor: true, widthFactor: true });
  readonly heightFactor: [number, number];
  readonly widthFactor: [number, number];

  /** @throws Error naming the layer when a factor is outside [−1, 1] or malformed */
  constructor(args: RandomTranslationArgs) {
    super(args);
    this.heightFactor = factorRange(args.heightFactor, 'heightFactor', this.name, 1);
    this.widthFactor = factorRange(args.widthFactor, 'widthFactor', this.name, 1);
  }

  protected transformMatrices(n: number, height: number, width: number, seed: number | undefined): Matrix3[] {
    const draw = createRandom(seed);
    return Array.from({ length: n }, () => {
      const down = uniform(draw, ...this.heightFactor) * height;
      const right = uniform(draw, ...this.widthFactor) * width;
      // Moving the image down and right samples up and left of each output pixel.
      return shiftMatrix(-down, -right);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height_factor: this.heightFactor, width_factor: this.widthFactor };
  }
}

registerLayer(RandomTranslation);

/**
 * Makes a {@link RandomTranslation} layer.
 *
 * Keras's positional arguments may come first, as `RandomTranslation(heightFactor, widthFactor, ...)`: `randomTranslation(heightFactor, widthFactor, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function randomTranslation(args: RandomTranslationArgs): RandomTranslation;
export function randomTranslation(heightFactor: NonNullable<RandomTranslationArgs['heightFactor']>, widthFactor: NonNullable<RandomTranslationArgs['widthFactor']>, options?: Omit<RandomTranslationArgs, 'heightFactor' | 'widthFactor'>): RandomTranslation;
export function randomTranslation(...values: unknown[]): RandomTranslation {
  return new RandomTranslation(positionalOptions<RandomTranslationArgs>(values, ['heightFactor', 'widthFactor'], 'layer RandomTranslation'));
}
