import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import type { Shape } from '../engine/shape';
import { SeedGenerator } from '../regularization/seed-generator';
import { asBatch, checkChoice, checkImageRank, type ImageInterpolation, type LayerFillMode, transformImages } from './image-preprocessing';

/** Arguments every random affine layer takes. */
export interface RandomAffineArgs extends LayerArgs {
  /** How points outside the image are filled: 'reflect' (Keras's default), 'wrap', 'constant', 'nearest'. */
  fillMode?: LayerFillMode;
  /** 'bilinear' (default) or 'nearest'. */
  interpolation?: ImageInterpolation;
  /** The fill value of `fillMode: 'constant'` (0). */
  fillValue?: number;
  /** Seeds the layer's own stream of draws. */
  seed?: number;
}

/**
 * The base of RandomRotation, RandomZoom and RandomTranslation: in training, one random
 * `tf.image.transform` row per image (drawn by {@link transformRows}); the identity otherwise.
 */
export abstract class RandomAffineLayer extends Layer {
  readonly fillMode: LayerFillMode;
  readonly interpolation: ImageInterpolation;
  readonly fillValue: number;
  readonly seed?: number;
  protected readonly seeds: SeedGenerator;

  constructor(args: RandomAffineArgs) {
    super(args);
    this.fillMode = checkChoice(args.fillMode, ['reflect', 'wrap', 'constant', 'nearest'] as const, 'reflect', 'fillMode', this.name);
    this.interpolation = checkChoice(args.interpolation, ['bilinear', 'nearest'] as const, 'bilinear', 'interpolation', this.name);
    this.fillValue = args.fillValue ?? 0;
    this.seed = args.seed;
    this.seeds = new SeedGenerator(args.seed, this.name);
  }

  /** The `[a0, a1, a2, b0, b1, b2, c0, c1]` rows of `n` images of `height × width`. */
  protected abstract transformRows(n: number, height: number, width: number, seed: number | undefined): number[][];

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    checkImageRank(x.shape, this.name);
    if (args.training !== true) return x;
    return asBatch(x, (batch) => {
      const [n, height, width] = batch.shape;
      return tf.tidy(() => transformImages(tf.cast(batch, 'float32') as tf.Tensor4D, this.transformRows(n, height, width, this.seeds.next()), this.interpolation, this.fillMode, this.fillValue));
    });
  }

  override computeOutputShape(inputShape: Shape): Shape {
    checkImageRank(inputShape, this.name);
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fill_mode: this.fillMode, interpolation: this.interpolation, fill_value: this.fillValue, seed: this.seed ?? null };
  }
}
