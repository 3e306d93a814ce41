import { tf, uniformDraws } from '@dendrite/backend';
import { optionKeys, checkOneOf, layerOwner } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { RandomImageLayer, type RandomImageArgs } from './random-image-layer';
import { positionalOptions } from '../engine/positional-options';

/** Flip modes of {@link RandomFlip}. */
export type FlipMode = 'horizontal' | 'vertical' | 'horizontal_and_vertical';

/** Arguments of {@link RandomFlip}. */
export interface RandomFlipArgs extends RandomImageArgs {
  /** 'horizontal', 'vertical' or 'horizontal_and_vertical' (default). */
  mode?: FlipMode;
}

/** Keras's `RandomFlip`: in training, each image is flipped with probability ½ along each chosen axis. */
export class RandomFlip extends RandomImageLayer {
  static override className = 'RandomFlip';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RandomFlipArgs, RandomImageArgs>({ mode: true });
  readonly mode: FlipMode;

  /** @throws Error naming the layer for an unknown mode */
  constructor(args: RandomFlipArgs = {}) {
    super(args);
    this.mode = checkOneOf(args.mode ?? 'horizontal_and_vertical', ['horizontal', 'vertical', 'horizontal_and_vertical'] as const, 'mode', layerOwner(this.name));
  }

  protected augment(batch: tf.Tensor4D, seed: number | undefined): tf.Tensor4D {
    const n = batch.shape[0];
    const draws = uniformDraws(2 * n, [0, 1], seed);
    let out: tf.Tensor4D = batch;
    const flip = (axis: number, offset: number) => {
      const mask = tf.tensor4d(Array.from({ length: n }, (_, i) => (draws[2 * i + offset] < 0.5 ? 1 : 0)), [n, 1, 1, 1], 'bool');
      out = tf.where(mask, tf.reverse(out, axis), out);
    };
    if (this.mode !== 'vertical') flip(2, 0);
    if (this.mode !== 'horizontal') flip(1, 1);
    return out;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mode: this.mode };
  }
}

registerLayer(RandomFlip);

/**
 * Makes a {@link RandomFlip} layer.
 *
 * Keras's positional arguments may come first, as `RandomFlip(mode, ...)`: `randomFlip(mode, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function randomFlip(args?: RandomFlipArgs): RandomFlip;
export function randomFlip(mode: NonNullable<RandomFlipArgs['mode']>, options?: Omit<RandomFlipArgs, 'mode'>): RandomFlip;
export function randomFlip(...values: unknown[]): RandomFlip {
  return new RandomFlip(positionalOptions<RandomFlipArgs>(values, ['mode'], 'layer RandomFlip'));
}
