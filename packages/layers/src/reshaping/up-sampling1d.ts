import { optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { repeatElements } from './upsample';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link UpSampling1D}. */
export interface UpSampling1DArgs extends LayerArgs {
  /** Repetitions of every step (2). */
  size?: number;
}

/**
 * Repeats every step of `[batch, steps, features]` sequences `size` times (Keras's
 * `UpSampling1D`).
 *
 * @example
 * ```ts
 * const layer = new UpSampling1D({ size: 3 }); // 10 steps → 30
 * ```
 */
export class UpSampling1D extends Layer {
  static override className = 'UpSampling1D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<UpSampling1DArgs, LayerArgs>({ size: true });
  readonly size: number;

  /**
   * @param args size (2)
   * @throws Error naming the layer unless size is an integer ≥ 1
   */
  constructor(args: UpSampling1DArgs = {}) {
    super(args);
    this.size = checkPositiveInteger(args.size ?? 2, 'size', layerOwner(this.name));
    this.inputSpec = { ndim: 3 };
  }

  override call(inputs: TensorOrList): tf.Tensor {
    return repeatElements(inputs as tf.Tensor, this.size, 1);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, steps, features] = singleShape(inputShape, this.name);
    return [batch, steps === null ? null : steps * this.size, features];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size };
  }
}

registerLayer(UpSampling1D);

/**
 * Makes an {@link UpSampling1D} layer.
 *
 * Keras's positional arguments may come first, as `UpSampling1D(size, ...)`: `upSampling1d(size, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = upSampling1d({ size: 2 });
 * ```
 */
export function upSampling1d(args?: UpSampling1DArgs): UpSampling1D;
export function upSampling1d(size: NonNullable<UpSampling1DArgs['size']>, options?: Omit<UpSampling1DArgs, 'size'>): UpSampling1D;
export function upSampling1d(...values: unknown[]): UpSampling1D {
  return new UpSampling1D(positionalOptions<UpSampling1DArgs>(values, ['size'], 'layer UpSampling1D'));
}
