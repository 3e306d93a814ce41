import { registerLayer } from '../engine/layer-registry';
import { factorRange, uniformDraws } from './image-preprocessing';
import { RandomAffineLayer, type RandomAffineArgs } from './random-affine-layer';

/** Arguments of {@link RandomRotation}. */
export interface RandomRotationArgs extends RandomAffineArgs {
  /** A fraction of 2π: `f` for [−f·2π, f·2π], or `[lower, upper]`; positive is counter-clockwise. */
  factor: number | [number, number];
}

/** Keras's `RandomRotation`: each image turned by a random angle about its centre, in training. */
export class RandomRotation extends RandomAffineLayer {
  static override className = 'RandomRotation';
  readonly factor: [number, number];

  /** @throws Error naming the layer for a bad factor, fill mode or interpolation */
  constructor(args: RandomRotationArgs) {
    super(args);
    this.factor = factorRange(args.factor, 'factor', this.name);
  }

  protected transformRows(n: number, height: number, width: number, seed: number | undefined): number[][] {
    return uniformDraws(n, this.factor, seed).map((fraction) => {
      // Keras 3's rotation matrix, about the centre, in tf.image.transform's (x, y) order.
      const angle = fraction * 2 * Math.PI;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const xOffset = (width - 1 - (cos * (width - 1) - sin * (height - 1))) / 2;
      const yOffset = (height - 1 - (sin * (width - 1) + cos * (height - 1))) / 2;
      return [cos, -sin, xOffset, sin, cos, yOffset, 0, 0];
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), factor: this.factor };
  }
}

registerLayer(RandomRotation);

/** Makes a {@link RandomRotation} layer: `randomRotation({ factor: 0.1 })` turns up to ±36°. */
export function randomRotation(args: RandomRotationArgs): RandomRotation {
  return new RandomRotation(args);
}
