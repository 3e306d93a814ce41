import { nextSeed, tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { checkRate } from '../core/argument-checks';
import { Dropout } from './dropout';

/** Adds zero-mean Gaussian noise (stddev) in training; the identity otherwise. */
export class GaussianNoise extends Layer {
  static override className = 'GaussianNoise';
  readonly stddev: number;
  readonly seed?: number;
  constructor(args: LayerArgs & { stddev: number; seed?: number }) {
    super(args);
    if (!(args.stddev >= 0)) throw new Error(`Expected stddev ≥ 0, received ${JSON.stringify(args.stddev)} in layer "${this.name}"`);
    this.stddev = args.stddev;
    this.seed = args.seed;
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    return args.training ? tf.add(x, tf.randomNormal(x.shape, 0, this.stddev, 'float32', this.seed ?? nextSeed())) : x;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed ?? null };
  }
}

/** Multiplies by Gaussian noise of mean 1 and stddev √(rate / (1 − rate)) in training. */
export class GaussianDropout extends Layer {
  static override className = 'GaussianDropout';
  readonly rate: number;
  readonly seed?: number;
  constructor(args: LayerArgs & { rate: number; seed?: number }) {
    super(args);
    this.rate = checkRate(args.rate, 'rate', this.name);
    this.seed = args.seed;
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (!args.training || this.rate === 0) return x;
    return tf.mul(x, tf.randomNormal(x.shape, 1, Math.sqrt(this.rate / (1 - this.rate)), 'float32', this.seed ?? nextSeed()));
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed ?? null };
  }
}

/** Dropout that keeps SELU's self-normalization (Keras's formula), in training only. */
export class AlphaDropout extends Layer {
  static override className = 'AlphaDropout';
  readonly rate: number;
  readonly seed?: number;
  constructor(args: LayerArgs & { rate: number; seed?: number; noiseShape?: Array<number | null> }) {
    super(args);
    this.rate = checkRate(args.rate, 'rate', this.name);
    this.seed = args.seed;
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (!args.training || this.rate === 0) return x;
    const alphaP = -1.6732632423543772 * 1.0507009873554805;
    const keep = tf.cast(tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', this.seed ?? nextSeed()), this.rate), 'float32');
    const a = 1 / Math.sqrt((alphaP * alphaP * this.rate + 1) * (1 - this.rate));
    const b = -a * alphaP * this.rate;
    const dropped = tf.add(tf.mul(x, keep), tf.mul(alphaP, tf.sub(1, keep)));
    return tf.add(tf.mul(dropped, a), b);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed ?? null };
  }
}

/** Drops whole channels of `[batch, steps, channels]` sequences. */
export class SpatialDropout1D extends Dropout {
  static override className = 'SpatialDropout1D';
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (!args.training || this.rate === 0) return x;
    return tf.dropout(x, this.rate, [x.shape[0] as number, 1, x.shape[2] as number], this.seed ?? nextSeed());
  }
}

/** Drops whole channels of `[batch, h, w, channels]` images. */
export class SpatialDropout2D extends Dropout {
  static override className = 'SpatialDropout2D';
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    if (!args.training || this.rate === 0) return x;
    return tf.dropout(x, this.rate, [x.shape[0] as number, 1, 1, x.shape[3] as number], this.seed ?? nextSeed());
  }
}

for (const layer of [GaussianNoise, GaussianDropout, AlphaDropout, SpatialDropout1D, SpatialDropout2D]) registerLayer(layer as never);

export const gaussianNoise = (args: ConstructorParameters<typeof GaussianNoise>[0]) => new GaussianNoise(args);
export const gaussianDropout = (args: ConstructorParameters<typeof GaussianDropout>[0]) => new GaussianDropout(args);
export const alphaDropout = (args: ConstructorParameters<typeof AlphaDropout>[0]) => new AlphaDropout(args);
export const spatialDropout1d = (args: { rate: number; seed?: number; name?: string }) => new SpatialDropout1D(args);
export const spatialDropout2d = (args: { rate: number; seed?: number; name?: string }) => new SpatialDropout2D(args);
