import { tf } from '@dendrite/backend';
import { alignWeights } from '../utils/shapes';
import { describeValue, argumentError } from '@dendrite/backend/internal';

/**
 * How per-sample losses become the loss, as Keras 3: `sum_over_batch_size` (the default) and its
 * synonym `mean` divide the weighted sum by the number of values; `sum` keeps the sum;
 * `mean_with_sample_weight` divides by the sum of the weights; `none` returns the weighted values.
 */
export type Reduction = 'sum_over_batch_size' | 'sum' | 'none' | 'mean' | 'mean_with_sample_weight';

/** A reduction as the constructors accept it: Keras's spelling, camelCase, or `null` for `none`. */
export type ReductionArgument = Reduction | 'sumOverBatchSize' | 'meanWithSampleWeight' | null;

const REDUCTIONS: readonly Reduction[] = ['sum_over_batch_size', 'sum', 'none', 'mean', 'mean_with_sample_weight'];

/**
 * Resolves a reduction argument to Keras's spelling.
 *
 * @param owner what takes the argument, as errors show it
 * @throws Error for anything else, listing the reductions
 * @example
 * ```ts
 * standardizeReduction('sumOverBatchSize', 'loss "mse"'); // 'sum_over_batch_size'
 * ```
 */
export function standardizeReduction(reduction: ReductionArgument | undefined, owner: string): Reduction {
  if (reduction === undefined) return 'sum_over_batch_size';
  if (reduction === null) return 'none';
  const snake = typeof reduction === 'string' ? reduction.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : undefined;
  if (snake === undefined || !(REDUCTIONS as readonly string[]).includes(snake)) {
    throw argumentError(reduction, 'string', `Expected reduction to be one of ${REDUCTIONS.join(', ')}, received ${describeValue(reduction)} in ${owner}`);
  }
  return snake as Reduction;
}

/**
 * Weights and reduces per-sample values as Keras's `reduce_weighted_values`. A mask (1 keep,
 * 0 drop, the shape of `values`) joins the weights; under `sum_over_batch_size` it is scaled by
 * `count / kept`, so the result is the mean over the kept entries only.
 *
 * @param values per-sample losses
 * @param sampleWeight optional weights ({@link alignWeights})
 * @param mask optional float mask shaped like `values`
 * @param owner what is reducing, as errors show it
 * @returns a scalar, or the weighted values for `none`
 * @throws Error when the weights do not fit the values
 * @example
 * ```ts
 * reduceWeightedValues(tf.tensor1d([1, 0, 4]), tf.tensor1d([2, 1, 0.5]), undefined, 'sum_over_batch_size', 'loss "mse"'); // 4 / 3
 * ```
 */
export function reduceWeightedValues(values: tf.Tensor, sampleWeight: tf.Tensor | undefined, mask: tf.Tensor | undefined, reduction: Reduction, owner: string): tf.Tensor {
  return tf.tidy(() => {
    const floats = values.dtype === 'float32' ? values : tf.cast(values, 'float32');
    let weights = sampleWeight === undefined ? undefined : alignWeights(sampleWeight, floats, owner);
    if (mask !== undefined) {
      let scaledMask = mask;
      if (reduction === 'sum_over_batch_size' || reduction === 'mean') scaledMask = tf.mul(mask, tf.divNoNan(tf.scalar(mask.size), tf.sum(mask)));
      weights = weights === undefined ? scaledMask : tf.mul(weights, scaledMask);
    }
    const weighted = weights === undefined ? floats : tf.mul(floats, weights);
    if (reduction === 'none' || weighted.rank === 0) return weighted;
    // tfjs-backend-wasm's Sum of an empty tensor returns uninitialized memory, not 0.
    if (weighted.size === 0) return tf.scalar(0);
    const total = tf.sum(weighted);
    if (reduction === 'sum') return total;
    if (reduction === 'mean_with_sample_weight' && weights !== undefined) return tf.divNoNan(total, tf.sum(weights));
    return tf.div(total, weighted.size);
  });
}
