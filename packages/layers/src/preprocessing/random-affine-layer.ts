import { tf } from '@dendrite/backend';
import { checkOneOf } from '../core/argument-checks';
import { type ImageInterpolation, type LayerFillMode, transformImages } from './image-preprocessing';
import { RandomImageLayer, type RandomImageArgs } from './random-image-layer';

/** Arguments every random affine layer takes. */
export interface RandomAffineArgs extends RandomImageArgs {
  /** How points outside the image are filled: 'reflect' (Keras's default), 'wrap', 'constant', 'nearest'. */
  fillMode?: LayerFillMode;
  /** 'bilinear' (default) or 'nearest'. */
  interpolation?: ImageInterpolation;
  /** The fill value of `fillMode: 'constant'` (0). */
  fillValue?: number;
}

/**
 * The base of RandomRotation, RandomZoom and RandomTranslation: in training, one random
 * `tf.image.transform` row per image (drawn by {@link transformRows}); the identity otherwise.
 */
export abstract class RandomAffineLayer extends RandomImageLayer {
  readonly fillMode: LayerFillMode;
  readonly interpolation: ImageInterpolation;
  readonly fillValue: number;

  constructor(args: RandomAffineArgs) {
    super(args);
    this.fillMode = checkOneOf(args.fillMode ?? 'reflect', ['reflect', 'wrap', 'constant', 'nearest'] as const, 'fillMode', this.name);
    this.interpolation = checkOneOf(args.interpolation ?? 'bilinear', ['bilinear', 'nearest'] as const, 'interpolation', this.name);
    this.fillValue = args.fillValue ?? 0;
  }

  /** The `[a0, a1, a2, b0, b1, b2, c0, c1]` rows of `n` images of `height × width`. */
  protected abstract transformRows(n: number, height: number, width: number, seed: number | undefined): number[][];

  protected augment(batch: tf.Tensor4D, seed: number | undefined): tf.Tensor4D {
    const [n, height, width] = batch.shape;
    return transformImages(batch, this.transformRows(n, height, width, seed), this.interpolation, this.fillMode, this.fillValue);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fill_mode: this.fillMode, interpolation: this.interpolation, fill_value: this.fillValue };
  }
}
