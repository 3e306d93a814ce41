import { registerLayer } from '../engine/layer-registry';
import { factorRange, uniformDraws } from './image-preprocessing';
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

  protected transformRows(n: number, height: number, width: number, seed: number | undefined): number[][] {
    const draws = uniformDraws(2 * n, [0, 1], seed);
    return Array.from({ length: n }, (_, i) => {
      const dy = (this.heightFactor[0] + (this.heightFactor[1] - this.heightFactor[0]) * draws[2 * i]) * height;
      const dx = (this.widthFactor[0] + (this.widthFactor[1] - this.widthFactor[0]) * draws[2 * i + 1]) * width;
      return [1, 0, -dx, 0, 1, -dy, 0, 0];
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
