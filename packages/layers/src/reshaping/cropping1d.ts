import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { type PaddingPair, borderedShape, normalizePair } from './spatial-arguments';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Cropping1D}. */
export interface Cropping1DArgs extends LayerArgs {
  /** `n` (both ends) or `[before, after]` (1). */
  cropping?: number | PaddingPair;
}

/**
 * Removes steps at both ends of `[batch, steps, features]` sequences (Keras's `Cropping1D`).
 *
 * @example
 * ```ts
 * const layer = new Cropping1D({ cropping: [1, 2] }); // 10 steps → 7
 * ```
 */
export class Cropping1D extends Layer {
  static override className = 'Cropping1D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<Cropping1DArgs, LayerArgs>({ cropping: true });
  /** `[before, after]`. */
  readonly cropping: PaddingPair;

  /**
   * @param args cropping (1)
   * @throws Error naming the layer and the argument for negative or malformed cropping
   */
  constructor(args: Cropping1DArgs = {}) {
    super(args);
    this.cropping = normalizePair(args.cropping ?? 1, 'cropping', this.name);
    this.inputSpec = { ndim: 3 };
  }

  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
  }

  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor3D;
    // The real length is known only now (the built shape may have had a null steps axis).
    const [, steps] = this.computeOutputShape(x.shape) as number[];
    return tf.slice(x, [0, this.cropping[0], 0], [-1, steps, -1]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const cropped = borderedShape(shape, [this.cropping], -1);
    if (cropped === null) {
      throw new Error(`Expected cropping to leave at least one step, received cropping [${this.cropping.join(', ')}] for inputShape ${shapeToString(shape)} in layer "${this.name}"`);
    }
    return cropped;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping };
  }
}

registerLayer(Cropping1D);

/**
 * Makes a {@link Cropping1D} layer.
 *
 * Keras's positional arguments may come first, as `Cropping1D(cropping, ...)`: `cropping1d(cropping, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = cropping1d({ cropping: 2 });
 * ```
 */
export function cropping1d(args?: Cropping1DArgs): Cropping1D;
export function cropping1d(cropping: NonNullable<Cropping1DArgs['cropping']>, options?: Omit<Cropping1DArgs, 'cropping'>): Cropping1D;
export function cropping1d(...values: unknown[]): Cropping1D {
  return new Cropping1D(positionalOptions<Cropping1DArgs>(values, ['cropping'], 'layer Cropping1D'));
}
