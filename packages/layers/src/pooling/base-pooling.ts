import { tf } from '@dendrite/backend';
import { optionKeys, checkTuple, layerOwner, checkOneOf } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { type Shape, singleShape } from '../engine/shape';
import { type DataFormat, checkDataFormat } from '../convolutional/check-data-format';
import { spatialOutputSizes } from '../convolutional/conv-utils';

/** Arguments of the max and average pooling layers. */
export interface PoolingArgs extends LayerArgs {
  /** Window size: one integer or one per spatial axis (2). */
  poolSize?: number | number[];
  /** Step between windows (null or omitted: poolSize). */
  strides?: number | number[] | null;
  /** `valid` (default) or `same`. */
  padding?: 'valid' | 'same';
  /** Only `channels_last` is supported. */
  dataFormat?: string;
}

/**
 * Keras's `BasePooling`: the maximum or the mean of every window over 1-D or 2-D channels-last
 * inputs. Average pooling with `same` padding averages the values inside the input only, as
 * TensorFlow, with the matching gradient (@dendrite/backend's AvgPoolGrad). 1-D pooling runs as 2-D
 * pooling of height 1.
 */
export abstract class BasePooling extends Layer {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<PoolingArgs, LayerArgs>({
    strides: true,
    dataFormat: true,
    padding: true,
    poolSize: true,
  });
  /** Number of spatial axes. */
  readonly rank: 1 | 2;
  /** `max` or `average`. */
  readonly mode: 'max' | 'average';
  readonly poolSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  protected constructor(rank: 1 | 2, mode: 'max' | 'average', args: PoolingArgs) {
    super(args);
    this.rank = rank;
    this.mode = mode;
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.poolSize = checkTuple(args.poolSize ?? 2, rank, 'poolSize', layerOwner(this.name));
    this.strides = args.strides == null ? [...this.poolSize] : checkTuple(args.strides, rank, 'strides', layerOwner(this.name));
    this.padding = checkOneOf(args.padding ?? 'valid', ['valid', 'same'] as const, 'padding', layerOwner(this.name));
    this.inputSpec = { ndim: rank + 2 };
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    // The one window-size check of a call on tensors (build leaves sizes to the calls, as the
    // built shape may leave them open): a window that does not fit is named here, not in a kernel.
    this.computeOutputShape(x.shape);
    const pool = (input: tf.Tensor4D, size: [number, number], strides: [number, number]) =>
      this.mode === 'max' ? tf.maxPool(input, size, strides, this.padding) : tf.avgPool(input, size, strides, this.padding);
    if (this.rank === 2) return pool(x as tf.Tensor4D, this.poolSize as [number, number], this.strides as [number, number]);
    return tf.squeeze(pool(tf.expandDims(x, 1) as tf.Tensor4D, [1, this.poolSize[0]], [1, this.strides[0]]), [1]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const ones = new Array<number>(this.rank).fill(1);
    return [shape[0], ...spatialOutputSizes(shape, this.poolSize, this.padding, this.strides, ones, this.name), shape[shape.length - 1]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), pool_size: this.poolSize, padding: this.padding, strides: this.strides, data_format: this.dataFormat };
  }
}
