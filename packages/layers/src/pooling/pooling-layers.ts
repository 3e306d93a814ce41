import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { checkOneOf, normalizeTuple } from '../core/argument-checks';
import { convOutputLength } from '../convolutional/conv-utils';

/** Arguments of the pooling layers. */
export interface PoolingArgs extends LayerArgs {
  /** Window size (2). */
  poolSize?: number | number[];
  /** Step between windows (poolSize). */
  strides?: number | number[] | null;
  padding?: 'valid' | 'same';
  dataFormat?: 'channels_last' | 'channelsLast';
}

/** Max or average pooling over 1-D or 2-D windows, channels last (Keras's `BasePooling`). */
export abstract class Pooling extends Layer {
  readonly poolSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  constructor(readonly rank: 1 | 2, readonly mode: 'max' | 'avg', args: PoolingArgs) {
    super(args);
    if (args.dataFormat !== undefined && args.dataFormat !== 'channels_last' && args.dataFormat !== 'channelsLast') {
      throw new Error(`Expected dataFormat channels_last in layer "${this.name}", received ${JSON.stringify(args.dataFormat)}`);
    }
    this.poolSize = normalizeTuple(args.poolSize ?? 2, rank, 'poolSize', this.name);
    this.strides = args.strides == null ? [...this.poolSize] : normalizeTuple(args.strides, rank, 'strides', this.name);
    this.padding = checkOneOf(args.padding ?? 'valid', ['valid', 'same'] as const, 'padding', this.name);
    this.inputSpec = { ndim: rank + 2 };
  }
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const pool = (input: tf.Tensor4D, size: [number, number], strides: [number, number]) =>
      this.mode === 'max' ? tf.maxPool(input, size, strides, this.padding) : tf.avgPool(input, size, strides, this.padding);
    if (this.rank === 2) return pool(x as tf.Tensor4D, this.poolSize as [number, number], this.strides as [number, number]);
    return tf.squeeze(pool(tf.expandDims(x, 1) as tf.Tensor4D, [1, this.poolSize[0]], [1, this.strides[0]]), [1]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const spatial = shape.slice(1, -1).map((size, i) => convOutputLength(size, this.poolSize[i], this.padding, this.strides[i]));
    return [shape[0], ...spatial, shape[shape.length - 1]];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), pool_size: this.poolSize, strides: this.strides, padding: this.padding, data_format: 'channels_last' };
  }
}

export class MaxPooling1D extends Pooling {
  static override className = 'MaxPooling1D';
  constructor(args: PoolingArgs = {}) {
    super(1, 'max', args);
  }
}
export class MaxPooling2D extends Pooling {
  static override className = 'MaxPooling2D';
  constructor(args: PoolingArgs = {}) {
    super(2, 'max', args);
  }
}
export class AveragePooling1D extends Pooling {
  static override className = 'AveragePooling1D';
  constructor(args: PoolingArgs = {}) {
    super(1, 'avg', args);
  }
}
export class AveragePooling2D extends Pooling {
  static override className = 'AveragePooling2D';
  constructor(args: PoolingArgs = {}) {
    super(2, 'avg', args);
  }
}

/** Max or mean over every spatial axis (Keras's `GlobalPooling`); `keepdims` keeps them as 1s. */
export abstract class GlobalPooling extends Layer {
  readonly keepdims: boolean;
  constructor(readonly rank: 1 | 2, readonly mode: 'max' | 'avg', args: LayerArgs & { keepdims?: boolean; dataFormat?: string }) {
    super(args);
    this.keepdims = args.keepdims ?? false;
    this.inputSpec = { ndim: rank + 2 };
    this.supportsMasking = rank === 1 && mode === 'avg';
  }
  private axes(): number[] {
    return this.rank === 1 ? [1] : [1, 2];
  }
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const mask = args.mask as tf.Tensor | null | undefined;
    if (this.mode === 'avg' && this.rank === 1 && mask) {
      // Keras: the mean over the unmasked steps only.
      const weights = tf.expandDims(tf.cast(mask, x.dtype), -1);
      return tf.div(tf.sum(tf.mul(x, weights), 1, this.keepdims), tf.sum(weights, 1, this.keepdims));
    }
    return this.mode === 'max' ? tf.max(x, this.axes(), this.keepdims) : tf.mean(x, this.axes(), this.keepdims);
  }
  override computeMask(): null {
    return null;
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return this.keepdims ? shape.map((size, axis) => (this.axes().includes(axis) ? 1 : size)) : [shape[0], shape[shape.length - 1]];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), keepdims: this.keepdims, data_format: 'channels_last' };
  }
}

type GlobalArgs = LayerArgs & { keepdims?: boolean; dataFormat?: string };
export class GlobalMaxPooling1D extends GlobalPooling {
  static override className = 'GlobalMaxPooling1D';
  constructor(args: GlobalArgs = {}) {
    super(1, 'max', args);
  }
}
export class GlobalMaxPooling2D extends GlobalPooling {
  static override className = 'GlobalMaxPooling2D';
  constructor(args: GlobalArgs = {}) {
    super(2, 'max', args);
  }
}
export class GlobalAveragePooling1D extends GlobalPooling {
  static override className = 'GlobalAveragePooling1D';
  constructor(args: GlobalArgs = {}) {
    super(1, 'avg', args);
  }
}
export class GlobalAveragePooling2D extends GlobalPooling {
  static override className = 'GlobalAveragePooling2D';
  constructor(args: GlobalArgs = {}) {
    super(2, 'avg', args);
  }
}

for (const layer of [MaxPooling1D, MaxPooling2D, AveragePooling1D, AveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalAveragePooling1D, GlobalAveragePooling2D]) {
  registerLayer(layer as never);
}

export const maxPooling1d = (args: PoolingArgs = {}) => new MaxPooling1D(args);
export const maxPooling2d = (args: PoolingArgs = {}) => new MaxPooling2D(args);
export const averagePooling1d = (args: PoolingArgs = {}) => new AveragePooling1D(args);
export const averagePooling2d = (args: PoolingArgs = {}) => new AveragePooling2D(args);
export const globalMaxPooling1d = (args: GlobalArgs = {}) => new GlobalMaxPooling1D(args);
export const globalMaxPooling2d = (args: GlobalArgs = {}) => new GlobalMaxPooling2D(args);
export const globalAveragePooling1d = (args: GlobalArgs = {}) => new GlobalAveragePooling1D(args);
export const globalAveragePooling2d = (args: GlobalArgs = {}) => new GlobalAveragePooling2D(args);
