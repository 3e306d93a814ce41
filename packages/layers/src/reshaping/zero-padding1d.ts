import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { type PaddingPair, borderedShape, normalizePair } from './spatial-arguments';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link ZeroPadding1D}. */
export interface ZeroPadding1DArgs extends LayerArgs {
  /** `n` (both ends) or `[before, after]` (1). */
  padding?: number | PaddingPair;
}

/**
 * Adds zero steps at both ends of `[batch, steps, features]` sequences (Keras's `ZeroPadding1D`).
 *
 * @example
 * ```ts
 * const layer = new ZeroPadding1D({ padding: [2, 0] }); // 10 steps → 12
 * ```
 */
export class ZeroPadding1D extends Layer {
  static override className = 'ZeroPadding1D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ZeroPadding1DArgs, LayerArgs>({ padding: true });
  /** `[before, after]`. */
  readonly padding: PaddingPair;

  /**
   * @param args padding (1)
   * @throws Error naming the layer and the argument for negative or malformed padding
   */
  constructor(args: ZeroPadding1DArgs = {}) {
    super(args);
    this.padding = normalizePair(args.padding ?? 1, 'padding', this.name);
    this.inputSpec = { ndim: 3 };
  }

  override call(inputs: TensorOrList): tf.Tensor {
    return tf.pad(inputs as tf.Tensor, [[0, 0], this.padding, [0, 0]]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return borderedShape(singleShape(inputShape, this.name), [this.padding], 1)!;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding };
  }
}

registerLayer(ZeroPadding1D);

/**
 * Makes a {@link ZeroPadding1D} layer.
 *
 * Keras's positional arguments may come first, as `ZeroPadding1D(padding, ...)`: `zeroPadding1d(padding, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = zeroPadding1d({ padding: 1 });
 * ```
 */
export function zeroPadding1d(args?: ZeroPadding1DArgs): ZeroPadding1D;
export function zeroPadding1d(padding: NonNullable<ZeroPadding1DArgs['padding']>, options?: Omit<ZeroPadding1DArgs, 'padding'>): ZeroPadding1D;
export function zeroPadding1d(...values: unknown[]): ZeroPadding1D {
  return new ZeroPadding1D(positionalOptions<ZeroPadding1DArgs>(values, ['padding'], 'layer ZeroPadding1D'));
}
