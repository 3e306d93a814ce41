import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { SeedGenerator } from '../regularization/seed-generator';
import { asBatch, checkChoice, checkImageRank, uniformDraws } from './image-preprocessing';

/** Flip modes of {@link RandomFlip}. */
export type FlipMode = 'horizontal' | 'vertical' | 'horizontal_and_vertical';

/** Arguments of {@link RandomFlip}. */
export interface RandomFlipArgs extends LayerArgs {
  /** 'horizontal', 'vertical' or 'horizontal_and_vertical' (default). */
  mode?: FlipMode;
  seed?: number;
}

/** Keras's `RandomFlip`: in training, each image is flipped with probability ½ along each chosen axis. */
export class RandomFlip extends Layer {
  static override className = 'RandomFlip';
  readonly mode: FlipMode;
  readonly seed?: number;
  private readonly seeds: SeedGenerator;

  /** @throws Error naming the layer for an unknown mode */
  constructor(args: RandomFlipArgs = {}) {
    super(args);
    this.mode = checkChoice(args.mode, ['horizontal', 'vertical', 'horizontal_and_vertical'] as const, 'horizontal_and_vertical', 'mode', this.name);
    this.seed = args.seed;
    this.seeds = new SeedGenerator(args.seed, this.name);
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    checkImageRank(x.shape, this.name);
    if (args.training !== true) return x;
    return asBatch(x, (batch) =>
      tf.tidy(() => {
        const n = batch.shape[0];
        const draws = uniformDraws(2 * n, [0, 1], this.seeds.next());
        let out: tf.Tensor4D = batch;
        const flip = (axis: number, offset: number) => {
          const mask = tf.tensor4d(Array.from({ length: n }, (_, i) => (draws[2 * i + offset] < 0.5 ? 1 : 0)), [n, 1, 1, 1], 'bool');
          out = tf.where(mask, tf.reverse(out, axis), out);
        };
        if (this.mode !== 'vertical') flip(2, 0);
        if (this.mode !== 'horizontal') flip(1, 1);
        return out === batch ? out.clone() : out;
      }),
    );
  }

  override computeOutputShape(inputShape: Shape): Shape {
    checkImageRank(inputShape, this.name);
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mode: this.mode, seed: this.seed ?? null };
  }
}

registerLayer(RandomFlip);

/** Makes a {@link RandomFlip} layer. */
export function randomFlip(args: RandomFlipArgs = {}): RandomFlip {
  return new RandomFlip(args);
}
