import { createRandom, uniform } from '@dendrite/backend';
import { type Matrix3, aboutCenter, describeValue, zoomMatrix, optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { factorRange } from './image-preprocessing';
import { RandomAffineLayer, type RandomAffineArgs } from './random-affine-layer';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link RandomZoom}. */
export interface RandomZoomArgs extends RandomAffineArgs {
  /** `f` for [−f, f] or `[lower, upper]`, each > −1: positive zooms out, negative in. */
  heightFactor: number | [number, number];
  /** Like heightFactor; absent keeps the aspect ratio (the height's zoom for both). */
  widthFactor?: number | [number, number] | null;
}

/** Keras's `RandomZoom`: each image zoomed about its centre by a random amount, in training. */
export class RandomZoom extends RandomAffineLayer {
  static override className = 'RandomZoom';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RandomZoomArgs, RandomAffineArgs>({ heightFactor: true, widthFactor: true });
  readonly heightFactor: [number, number];
  readonly widthFactor: [number, number] | null;

  /** @throws Error naming the layer when a factor reaches −1 or is malformed */
  constructor(args: RandomZoomArgs) {
    super(args);
    this.heightFactor = factorRange(args.heightFactor, 'heightFactor', this.name);
    this.widthFactor = args.widthFactor == null ? null : factorRange(args.widthFactor, 'widthFactor', this.name);
    for (const [name, range] of [['heightFactor', this.heightFactor], ['widthFactor', this.widthFactor]] as const) {
      if (range && range[0] <= -1) throw new Error(`Expected ${name} to stay above -1, received ${describeValue(range)} in layer "${this.name}"`);
    }
  }

  protected transformMatrices(n: number, height: number, width: number, seed: number | undefined): Matrix3[] {
    const draw = createRandom(seed);
    return Array.from({ length: n }, () => {
      // Two draws an image, the second unused when the width follows the height.
      const zoomHeight = 1 + uniform(draw, ...this.heightFactor);
      const zoomWidth = 1 + uniform(draw, ...(this.widthFactor ?? this.heightFactor));
      return aboutCenter(zoomMatrix(zoomHeight, this.widthFactor ? zoomWidth : zoomHeight), height, width);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height_factor: this.heightFactor, width_factor: this.widthFactor };
  }
}

registerLayer(RandomZoom);

/**
 * Makes a {@link RandomZoom} layer.
 *
 * Keras's positional arguments may come first, as `RandomZoom(heightFactor, widthFactor, ...)`: `randomZoom(heightFactor, widthFactor, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function randomZoom(args: RandomZoomArgs): RandomZoom;
export function randomZoom(heightFactor: NonNullable<RandomZoomArgs['heightFactor']>, widthFactor?: NonNullable<RandomZoomArgs['widthFactor']>, options?: Omit<RandomZoomArgs, 'heightFactor' | 'widthFactor'>): RandomZoom;
export function randomZoom(...values: unknown[]): RandomZoom {
  return new RandomZoom(positionalOptions<RandomZoomArgs>(values, ['heightFactor', 'widthFactor'], 'layer RandomZoom'));
}
