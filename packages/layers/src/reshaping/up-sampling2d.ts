import { optionKeys, checkTuple, layerOwner, checkOneOf } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { type DataFormat, checkDataFormat } from '../convolutional/check-data-format';
import { bilinearUpsample2d, repeatElements } from './upsample';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link UpSampling2D}. */
export interface UpSampling2DArgs extends LayerArgs {
  /** Upsampling factors: one integer or [rows, columns] (2). */
  size?: number | [number, number];
  /** `nearest` (repeat rows and columns, the default) or `bilinear`. */
  interpolation?: 'nearest' | 'bilinear';
  /** Only `channels_last` is supported. */
  dataFormat?: string;
}

/**
 * Upsamples `[batch, height, width, channels]` images by integer factors (Keras's `UpSampling2D`):
 * `nearest` repeats rows and columns, `bilinear` interpolates as TensorFlow's image resize
 * (half-pixel centres).
 *
 * @example
 * ```ts
 * const layer = new UpSampling2D({ size: 2, interpolation: 'bilinear' }); // 7×7 → 14×14
 * ```
 */
export class UpSampling2D extends Layer {
  static override className = 'UpSampling2D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<UpSampling2DArgs, LayerArgs>({ size: true, dataFormat: true, interpolation: true });
  readonly size: [number, number];
  readonly interpolation: 'nearest' | 'bilinear';
  readonly dataFormat: DataFormat;

  /**
   * @param args size (2), interpolation (nearest)
   * @throws Error naming the layer and the argument for a bad one (bicubic, lanczos: not supported)
   */
  constructor(args: UpSampling2DArgs = {}) {
    super(args);
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.size = checkTuple(args.size ?? 2, 2, 'size', layerOwner(this.name)) as [number, number];
    this.interpolation = checkOneOf(args.interpolation ?? 'nearest', ['nearest', 'bilinear'] as const, 'interpolation', layerOwner(this.name));
    this.inputSpec = { ndim: 4 };
  }

  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor4D;
    if (this.interpolation === 'bilinear') return bilinearUpsample2d(x, this.size);
    return repeatElements(repeatElements(x, this.size[0], 1), this.size[1], 2);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, height, width, channels] = singleShape(inputShape, this.name);
    return [batch, height === null ? null : height * this.size[0], width === null ? null : width * this.size[1], channels];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size, data_format: this.dataFormat, interpolation: this.interpolation };
  }
}

registerLayer(UpSampling2D);

/**
 * Makes an {@link UpSampling2D} layer.
 *
 * Keras's positional arguments may come first, as `UpSampling2D(size, ...)`: `upSampling2d(size, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = upSampling2d({ size: [2, 3] });
 * ```
 */
export function upSampling2d(args?: UpSampling2DArgs): UpSampling2D;
export function upSampling2d(size: NonNullable<UpSampling2DArgs['size']>, options?: Omit<UpSampling2DArgs, 'size'>): UpSampling2D;
export function upSampling2d(...values: unknown[]): UpSampling2D {
  return new UpSampling2D(positionalOptions<UpSampling2DArgs>(values, ['size'], 'layer UpSampling2D'));
}
