import { type Matrix3, createRandom, shiftMatrix, uniform } from '@dendrite/backend';
import { registerLayer } from '../engine/layer-registry';
import { factorRange } from './image-preprocessing';
import { RandomAffineLayer, type RandomAffineArgs } from './random-affine-layer';

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

/** Makes a {@link RandomTranslation} layer. */
export function randomTranslation(args: RandomTranslationArgs): RandomTranslation {
  return new RandomTranslation(args);
}
