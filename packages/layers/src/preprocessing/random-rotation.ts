import { uniformDraws } from '@dendrite/backend';
import { type Matrix3, aboutCenter, rotationMatrix, optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { factorRange } from './image-preprocessing';
import { RandomAffineLayer, type RandomAffineArgs } from './random-affine-layer';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link RandomRotation}. */
export interface RandomRotationArgs extends RandomAffineArgs {
  /** A fraction of 2π: `f` for [−f·2π, f·2π], or `[lower, upper]`; positive is counter-clockwise. */
  factor: number | [number, number];
}

/** Keras's `RandomRotation`: each image turned by a random angle about its centre, in training. */
export class RandomRotation extends RandomAffineLayer {
  static override className = 'RandomRotation';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RandomRotationArgs, RandomAffineArgs>({ factor: true });
  readonly factor: [number, number];

  /** @throws Error naming the layer for a bad factor, fill mode or interpolation */
  constructor(args: RandomRotationArgs) {
    super(args);
    this.factor = factorRange(args.factor, 'factor', this.name);
  }

  protected transformMatrices(n: number, height: number, width: number, seed: number | undefined): Matrix3[] {
    // Keras 3 turns counter-clockwise for a positive factor: the opposite of ImageDataGenerator's
    // rotation matrix, hence the negated angle.
    return uniformDraws(n, this.factor, seed).map((fraction) => aboutCenter(rotationMatrix(-fraction * 2 * Math.PI), height, width));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), factor: this.factor };
  }
}

registerLayer(RandomRotation);

/**
 * Makes a {@link RandomRotation} layer: `randomRotation({ factor: 0.1 })` turns up to ±36°.
 *
 * Keras's positional arguments may come first, as `RandomRotation(factor, ...)`: `randomRotation(factor, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function randomRotation(args: RandomRotationArgs): RandomRotation;
export function randomRotation(factor: NonNullable<RandomRotationArgs['factor']>, options?: Omit<RandomRotationArgs, 'factor'>): RandomRotation;
export function randomRotation(...values: unknown[]): RandomRotation {
  return new RandomRotation(positionalOptions<RandomRotationArgs>(values, ['factor'], 'layer RandomRotation'));
}
