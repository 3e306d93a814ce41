import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { type DataFormat, checkDataFormat } from '../convolutional/check-data-format';
import { type PaddingPair, borderedShape, normalizePairs2d } from './spatial-arguments';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link ZeroPadding2D}. */
export interface ZeroPadding2DArgs extends LayerArgs {
  /** `n` (every side), `[rows, columns]` or `[[top, bottom], [left, right]]` (1). */
  padding?: number | [number, number] | [PaddingPair, PaddingPair];
  /** Only `channels_last` is supported. */
  dataFormat?: string;
}

/**
 * Adds rows and columns of zeros around `[batch, height, width, channels]` images (Keras's
 * `ZeroPadding2D`).
 *
 * @example
 * ```ts
 * const layer = new ZeroPadding2D({ padding: [[1, 0], [1, 0]] }); // 28×28 → 29×29
 * ```
 */
export class ZeroPadding2D extends Layer {
  static override className = 'ZeroPadding2D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ZeroPadding2DArgs, LayerArgs>({ dataFormat: true, padding: true });
  /** `[[top, bottom], [left, right]]`. */
  readonly padding: [PaddingPair, PaddingPair];
  readonly dataFormat: DataFormat;

  /**
   * @param args padding (1)
   * @throws Error naming the layer and the argument for negative or malformed padding
   */
  constructor(args: ZeroPadding2DArgs = {}) {
    super(args);
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.padding = normalizePairs2d(args.padding ?? 1, 'padding', this.name);
    this.inputSpec = { ndim: 4 };
  }

  override call(inputs: TensorOrList): tf.Tensor {
    return tf.pad(inputs as tf.Tensor, [[0, 0], ...this.padding, [0, 0]]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return borderedShape(singleShape(inputShape, this.name), this.padding, 1)!;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding, data_format: this.dataFormat };
  }
}

registerLayer(ZeroPadding2D);

/**
 * Makes a {@link ZeroPadding2D} layer.
 *
 * Keras's positional arguments may come first, as `ZeroPadding2D(padding, ...)`: `zeroPadding2d(padding, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = zeroPadding2d({ padding: 2 });
 * ```
 */
export function zeroPadding2d(args?: ZeroPadding2DArgs): ZeroPadding2D;
export function zeroPadding2d(padding: NonNullable<ZeroPadding2DArgs['padding']>, options?: Omit<ZeroPadding2DArgs, 'padding'>): ZeroPadding2D;
export function zeroPadding2d(...values: unknown[]): ZeroPadding2D {
  return new ZeroPadding2D(positionalOptions<ZeroPadding2DArgs>(values, ['padding'], 'layer ZeroPadding2D'));
}
