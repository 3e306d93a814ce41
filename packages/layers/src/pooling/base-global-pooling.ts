import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { type Shape, singleShape } from '../engine/shape';
import { type DataFormat, checkDataFormat } from '../convolutional/check-data-format';

/** Arguments of the global pooling layers. */
export interface GlobalPoolingArgs extends LayerArgs {
  /** Keep the pooled axes as size 1 (false: drop them). */
  keepdims?: boolean;
  /** Only `channels_last` is supported. */
  dataFormat?: string;
}

/**
 * Keras's `BaseGlobalPooling`: the maximum or the mean over every spatial axis of a channels-last
 * input, `[batch, ...spatial, channels]` → `[batch, channels]` (or `[batch, 1, …, channels]` with
 * `keepdims`).
 */
export abstract class BaseGlobalPooling extends Layer {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<GlobalPoolingArgs, LayerArgs>({ dataFormat: true, keepdims: true });
  /** Number of spatial axes. */
  readonly rank: 1 | 2;
  /** `max` or `average`. */
  readonly mode: 'max' | 'average';
  readonly keepdims: boolean;
  readonly dataFormat: DataFormat;

  protected constructor(rank: 1 | 2, mode: 'max' | 'average', args: GlobalPoolingArgs) {
    super(args);
    this.rank = rank;
    this.mode = mode;
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.keepdims = args.keepdims ?? false;
    this.inputSpec = { ndim: rank + 2 };
  }

  /** The pooled axes. */
  protected get spatialAxes(): number[] {
    return this.rank === 1 ? [1] : [1, 2];
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    return this.mode === 'max' ? tf.max(x, this.spatialAxes, this.keepdims) : tf.mean(x, this.spatialAxes, this.keepdims);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    if (this.keepdims) return shape.map((size, axis) => (this.spatialAxes.includes(axis) ? 1 : size));
    return [shape[0], shape[shape.length - 1]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), data_format: this.dataFormat, keepdims: this.keepdims };
  }
}
