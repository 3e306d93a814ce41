import { tf } from '@dendrite/backend';

/** How per-sample losses become one number: Keras's reductions (camelCase accepted too). */
export type Reduction = 'sum_over_batch_size' | 'sum' | 'none' | 'sumOverBatchSize';

/** Arguments every loss takes. */
export interface LossArgs {
  reduction?: Reduction;
  name?: string;
}

const REDUCTIONS = ['sum_over_batch_size', 'sum', 'none'] as const;

/**
 * The base of every loss, as Keras's `Loss`: `call` gives per-sample values, `apply` weights
 * them by `sampleWeight` and reduces them (`sum_over_batch_size` divides the weighted sum by the
 * number of values, as Keras 3).
 */
export abstract class Loss {
  static className = 'Loss';
  readonly name: string;
  readonly reduction: 'sum_over_batch_size' | 'sum' | 'none';

  constructor(args: LossArgs, defaultName: string) {
    this.name = args.name ?? defaultName;
    const reduction = args.reduction === 'sumOverBatchSize' ? 'sum_over_batch_size' : (args.reduction ?? 'sum_over_batch_size');
    if (!(REDUCTIONS as readonly string[]).includes(reduction)) {
      throw new Error(`Expected reduction to be one of ${REDUCTIONS.join(', ')}, received ${JSON.stringify(args.reduction)} in loss "${this.name}"`);
    }
    this.reduction = reduction as Loss['reduction'];
  }

  get className(): string {
    return (this.constructor as typeof Loss).className;
  }

  /** Per-sample losses. */
  abstract call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor;

  /**
   * The reduced loss.
   *
   * @param sampleWeight one weight per sample (shape [batch] or [batch, 1]), or matching the values
   * @throws Error when sampleWeight cannot be matched to the per-sample losses
   */
  apply(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      let values = this.call(yTrue, yPred);
      if (sampleWeight !== undefined) values = tf.mul(values, alignWeights(sampleWeight, values, this.name));
      if (this.reduction === 'none') return values;
      const total = tf.sum(values);
      return this.reduction === 'sum' ? total : tf.div(total, Math.max(values.size, 1));
    });
  }

  getConfig(): Record<string, unknown> {
    return { name: this.name, reduction: this.reduction };
  }
}

/** Sample weights brought to the rank of the per-sample losses (extra trailing 1s added or dropped). */
export function alignWeights(sampleWeight: tf.Tensor, values: tf.Tensor, owner: string): tf.Tensor {
  let weights = sampleWeight.dtype === 'float32' ? sampleWeight : tf.cast(sampleWeight, 'float32');
  while (weights.rank > values.rank && weights.shape[weights.rank - 1] === 1) weights = tf.squeeze(weights, [weights.rank - 1]);
  while (weights.rank < values.rank) weights = tf.expandDims(weights, -1);
  const fits = weights.shape.every((size, axis) => size === values.shape[axis] || size === 1);
  if (!fits) {
    throw new Error(`Expected sampleWeight of shape [${values.shape[0]}] (one per sample), received [${sampleWeight.shape.join(', ')}] in "${owner}"`);
  }
  return weights;
}
