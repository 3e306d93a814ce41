import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { CallArgs, TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';

/**
 * The mean over the steps of `[batch, steps, channels]` sequences (Keras's
 * `GlobalAveragePooling1D`). With a mask (from `Embedding({ maskZero: true })` or `Masking`), the
 * mean of the unmasked steps only, as Keras; the output carries no mask.
 *
 * @example
 * ```ts
 * const layer = new GlobalAveragePooling1D(); // [batch, 200, 16] → [batch, 16]
 * ```
 */
export class GlobalAveragePooling1D extends BaseGlobalPooling {
  static override className = 'GlobalAveragePooling1D';
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<GlobalPoolingArgs, GlobalPoolingArgs>({});

  /**
   * @param args keepdims (false)
   * @throws Error naming the layer for channels_first
   */
  constructor(args: GlobalPoolingArgs = {}) {
    super(1, 'average', args);
    this.supportsMasking = true;
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const mask = args.mask;
    if (mask == null || Array.isArray(mask)) return super.call(inputs, args);
    const x = inputs as tf.Tensor;
    const weights = tf.expandDims(tf.cast(mask, x.dtype), 2);
    return tf.div(tf.sum(tf.mul(x, weights), 1, this.keepdims), tf.sum(weights, 1, this.keepdims));
  }

  override computeMask(): null {
    return null;
  }
}

registerLayer(GlobalAveragePooling1D, ['GlobalAvgPool1D']);

/**
 * Makes a {@link GlobalAveragePooling1D} layer.
 *
 * @example
 * ```ts
 * const layer = globalAveragePooling1d({ keepdims: true });
 * ```
 */
export function globalAveragePooling1d(args: GlobalPoolingArgs = {}): GlobalAveragePooling1D {
  return new GlobalAveragePooling1D(args);
}
