import { optionKeys } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { SeedGenerator } from '../regularization/seed-generator';
import { asBatch, imageInputSpec } from './image-preprocessing';

/** Arguments every random image layer takes. */
export interface RandomImageArgs extends LayerArgs {
  /** Seeds the layer's own stream of draws (else Dendrite's global stream of `setSeed`). */
  seed?: number;
}

/**
 * The base of the random augmentation layers: images `[h, w, c]` or `[n, h, w, c]` in (checked by
 * the layer's `inputSpec`), the same shape out; {@link augment} runs in training only, the identity otherwise.
 */
export abstract class RandomImageLayer extends Layer {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RandomImageArgs, LayerArgs>({ seed: true });
  readonly seed?: number;
  protected readonly seeds: SeedGenerator;

  constructor(args: RandomImageArgs) {
    super(args);
    this.seed = args.seed;
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.inputSpec = imageInputSpec();
  }

  /** One random augmentation of a batch; `seed` is this call's draw seed. */
  protected abstract augment(batch: tf.Tensor4D, seed: number | undefined): tf.Tensor4D;

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (args.training !== true) return x;
    return asBatch(x, (batch) => this.augment(batch, this.seeds.next()));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), seed: this.seed ?? null };
  }
}
