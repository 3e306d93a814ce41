import { describeValue } from '@dendrite/backend';
import { registerLayer } from '../engine/layer-registry';
import { factorRange, uniformDraws } from './image-preprocessing';
import { RandomAffineLayer, type RandomAffineArgs } from './random-affine-layer';

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

  protected transformRows(n: number, height: number, width: number, seed: number | undefined): number[][] {
    const draws = uniformDraws(2 * n, [0, 1], seed);
    return Array.from({ length: n }, (_, i) => {
      const zoomHeight = 1 + this.heightFactor[0] + (this.heightFactor[1] - this.heightFactor[0]) * draws[2 * i];
      const zoomWidth = this.widthFactor ? 1 + this.widthFactor[0] + (this.widthFactor[1] - this.widthFactor[0]) * draws[2 * i + 1] : zoomHeight;
      return [zoomWidth, 0, ((width - 1) / 2) * (1 - zoomWidth), 0, zoomHeight, ((height - 1) / 2) * (1 - zoomHeight), 0, 0];
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height_factor: this.heightFactor, width_factor: this.widthFactor };
  }
}

registerLayer(RandomZoom);

/** Makes a {@link RandomZoom} layer. */
export function randomZoom(args: RandomZoomArgs): RandomZoom {
  return new RandomZoom(args);
}
