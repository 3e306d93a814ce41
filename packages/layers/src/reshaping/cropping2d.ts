import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { type DataFormat, checkDataFormat } from '../convolutional/check-data-format';
import { type PaddingPair, borderedShape, normalizePairs2d } from './spatial-arguments';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Cropping2D}. */
export interface Cropping2DArgs extends LayerArgs {
  /** `n` (every side), `[rows, columns]` or `[[top, bottom], [left, right]]` (0). */
  cropping?: number | [number, number] | [PaddingPair, PaddingPair];
  /** Only `channels_last` is supported. */
  dataFormat?: string;
}

/**
 * Removes rows and columns at the borders of `[batch, height, width, channels]` images (Keras's
 * `Cropping2D`).
 *
 * @example
 * ```ts
 * const layer = new Cropping2D({ cropping: [[2, 2], [4, 4]] }); // 28×28 → 24×20
 * ```
 */
export class Cropping2D extends Layer {
  static override className = 'Cropping2D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<Cropping2DArgs, LayerArgs>({ dataFormat: true, cropping: true });
  /** `[[top, bottom], [left, right]]`. */
  readonly cropping: [PaddingPair, PaddingPair];
  readonly dataFormat: DataFormat;

  /**
   * @param args cropping (0)
   * @throws Error naming the layer and the argument for negative or malformed cropping
   */
  constructor(args: Cropping2DArgs = {}) {
    super(args);
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.cropping = normalizePairs2d(args.cropping ?? 0, 'cropping', this.name);
    this.inputSpec = { ndim: 4 };
  }

  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
  }

  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor4D;
    // The real sizes are known only now (the built shape may have had null spatial axes).
    const [, height, width] = this.computeOutputShape(x.shape) as number[];
    return tf.slice(x, [0, this.cropping[0][0], this.cropping[1][0], 0], [-1, height, width, -1]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const cropped = borderedShape(shape, this.cropping, -1);
    if (cropped === null) {
      throw new Error(`Expected cropping to leave at least one row and column, received cropping ${describeValue(this.cropping)} for inputShape ${shapeToString(shape)} in layer "${this.name}"`);
    }
    return cropped;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping, data_format: this.dataFormat };
  }
}

registerLayer(Cropping2D);

/**
 * Makes a {@link Cropping2D} layer.
 *
 * Keras's positional arguments may come first, as `Cropping2D(cropping, ...)`: `cropping2d(cropping, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = cropping2d({ cropping: 1 });
 * ```
 */
export function cropping2d(args?: Cropping2DArgs): Cropping2D;
export function cropping2d(cropping: NonNullable<Cropping2DArgs['cropping']>, options?: Omit<Cropping2DArgs, 'cropping'>): Cropping2D;
export function cropping2d(...values: unknown[]): Cropping2D {
  return new Cropping2D(positionalOptions<Cropping2DArgs>(values, ['cropping'], 'layer Cropping2D'));
}
