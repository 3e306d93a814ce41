import { type tf } from '@dendrite/backend';
import { FILL_MODES, type Matrix3, transformImages, optionKeys, checkOneOf, layerOwner } from '@dendrite/backend/internal';
import type { ImageInterpolation, LayerFillMode } from './image-preprocessing';
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
 * affine matrix per image (drawn by {@link transformMatrices}, applied by @dendrite/backend's
 * `transformImages`); the identity otherwise.
 */
export abstract class RandomAffineLayer extends RandomImageLayer {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RandomAffineArgs, RandomImageArgs>({
    interpolation: true,
    fillMode: true,
    fillValue: true,
  });
  readonly fillMode: LayerFillMode;
  readonly interpolation: ImageInterpolation;
  readonly fillValue: number;

  constructor(args: RandomAffineArgs) {
    super(args);
    this.fillMode = checkOneOf(args.fillMode ?? 'reflect', FILL_MODES, 'fillMode', layerOwner(this.name));
    this.interpolation = checkOneOf(args.interpolation ?? 'bilinear', ['bilinear', 'nearest'] as const, 'interpolation', layerOwner(this.name));
    this.fillValue = args.fillValue ?? 0;
  }

  /**
   * The (row, column) matrices of `n` images of `height × width`, each mapping an output pixel to
   * the input point it samples (built from @dendrite/backend's `rotationMatrix`, `zoomMatrix`, …).
   */
  protected abstract transformMatrices(n: number, height: number, width: number, seed: number | undefined): Matrix3[];

  protected augment(batch: tf.Tensor4D, seed: number | undefined): tf.Tensor4D {
    const [n, height, width] = batch.shape;
    const matrices = this.transformMatrices(n, height, width, seed);
    return transformImages(batch, matrices, { interpolation: this.interpolation, fillMode: this.fillMode, fillValue: this.fillValue });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fill_mode: this.fillMode, interpolation: this.interpolation, fill_value: this.fillValue };
  }
}
