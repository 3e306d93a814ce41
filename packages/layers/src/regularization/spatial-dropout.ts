import { optionKeys, checkOneOf, layerOwner } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { registerLayer } from '../engine/layer-registry';
import { Dropout, type DropoutArgs } from './dropout';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link SpatialDropout1D}. */
export type SpatialDropout1DArgs = Omit<DropoutArgs, 'noiseShape'>;

/** Arguments of {@link SpatialDropout2D}. */
export interface SpatialDropout2DArgs extends SpatialDropout1DArgs {
  /** Where the channels are: `'channels_last'` (`[batch, rows, cols, channels]`, the default) or `'channels_first'`. */
  dataFormat?: 'channels_last' | 'channels_first';
}

/**
 * Keras's `SpatialDropout1D`: dropout of whole channels of `[batch, steps, channels]` sequences
 * (one keep/drop draw per sample and channel, shared by every step), in training only.
 *
 * @example
 * ```ts
 * spatialDropout1d({ rate: 0.2 }).apply(sequences, { training: true });
 * ```
 */
export class SpatialDropout1D extends Dropout {
  static override className = 'SpatialDropout1D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SpatialDropout1DArgs, DropoutArgs>({});
  /** The noise shape is the layer's own (one draw per channel): refused, not overwritten. */
  static readonly omittedOptionKeys = ['noiseShape'];

  /** @throws Error naming the layer when `rate` is outside [0, 1) */
  constructor(args: SpatialDropout1DArgs) {
    super(args);
    this.inputSpec = { ndim: 3 };
  }

  protected override maskShape(x: tf.Tensor): number[] {
    return [x.shape[0], 1, x.shape[2] as number];
  }

  override getConfig(): Record<string, unknown> {
    const { noise_shape: _noiseShape, ...config } = super.getConfig();
    return config;
  }
}

/**
 * Keras's `SpatialDropout2D`: dropout of whole feature maps of images (one draw per sample and
 * channel, shared by every pixel), in training only.
 *
 * @example
 * ```ts
 * spatialDropout2d({ rate: 0.2 }).apply(images, { training: true });
 * ```
 */
export class SpatialDropout2D extends Dropout {
  static override className = 'SpatialDropout2D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SpatialDropout2DArgs, DropoutArgs>({ dataFormat: true });
  /** The noise shape is the layer's own (one draw per channel): refused, not overwritten. */
  static readonly omittedOptionKeys = ['noiseShape'];
  readonly dataFormat: 'channels_last' | 'channels_first';

  /** @throws Error naming the layer when `rate` is outside [0, 1) or `dataFormat` is unknown */
  constructor(args: SpatialDropout2DArgs) {
    super(args);
    this.dataFormat = checkOneOf(args.dataFormat ?? 'channels_last', ['channels_last', 'channels_first'] as const, 'dataFormat', layerOwner(this.name));
    this.inputSpec = { ndim: 4 };
  }

  protected override maskShape(x: tf.Tensor): number[] {
    const [batch, a, , b] = x.shape;
    return this.dataFormat === 'channels_last' ? [batch, 1, 1, b] : [batch, a, 1, 1];
  }

  override getConfig(): Record<string, unknown> {
    const { noise_shape: _noiseShape, ...config } = super.getConfig();
    return { ...config, data_format: this.dataFormat };
  }
}

registerLayer(SpatialDropout1D);
registerLayer(SpatialDropout2D);

/**
 * Makes a {@link SpatialDropout1D} layer.
 *
 * Keras's positional arguments may come first, as `SpatialDropout1D(rate, ...)`: `spatialDropout1d(rate, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * spatialDropout1d({ rate: 0.3 });
 * ```
 */
export function spatialDropout1d(args: SpatialDropout1DArgs): SpatialDropout1D;
export function spatialDropout1d(rate: NonNullable<SpatialDropout1DArgs['rate']>, options?: Omit<SpatialDropout1DArgs, 'rate'>): SpatialDropout1D;
export function spatialDropout1d(...values: unknown[]): SpatialDropout1D {
  return new SpatialDropout1D(positionalOptions<SpatialDropout1DArgs>(values, ['rate'], 'layer SpatialDropout1D'));
}

/**
 * Makes a {@link SpatialDropout2D} layer.
 *
 * Keras's positional arguments may come first, as `SpatialDropout2D(rate, ...)`: `spatialDropout2d(rate, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * spatialDropout2d({ rate: 0.3, dataFormat: 'channels_last' });
 * ```
 */
export function spatialDropout2d(args: SpatialDropout2DArgs): SpatialDropout2D;
export function spatialDropout2d(rate: NonNullable<SpatialDropout2DArgs['rate']>, options?: Omit<SpatialDropout2DArgs, 'rate'>): SpatialDropout2D;
export function spatialDropout2d(...values: unknown[]): SpatialDropout2D {
  return new SpatialDropout2D(positionalOptions<SpatialDropout2DArgs>(values, ['rate'], 'layer SpatialDropout2D'));
}
