import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, describeValue } from '@dendrite/backend/internal';

/**
 * Throws unless `value` is a tensor.
 *
 * @param argumentName `yTrue`, `yPred` or `sampleWeight`
 * @param owner what received it, as errors show it (`loss "mean_squared_error"`)
 * @returns `value` as a tensor
 * @throws Error naming the argument and what was received instead
 * @example
 * ```ts
 * checkTensor(3, 'yTrue', 'loss "mse"'); // throws: Expected yTrue to be a tf.Tensor, received 3 in loss "mse"
 * ```
 */
export function checkTensor(value: unknown, argumentName: string, owner: string): tf.Tensor {
  if (!(value instanceof tf.Tensor)) throw new Error(`Expected ${argumentName} to be a tf.Tensor, received ${describeValue(value)} in ${owner}`);
  if (value.isDisposed) throw new Error(`Expected ${argumentName} to be a live tf.Tensor, received a disposed one in ${owner}`);
  return value;
}

/**
 * Keras's `squeeze_or_expand_to_same_rank`: when the ranks differ by one and the longer tensor
 * ends in an axis of size 1, that axis is dropped — unless the shorter one is a vector, which then
 * gets a trailing axis instead. Otherwise both pass through.
 *
 * @returns `[a, b]`, brought to one rank where that rule allows
 * @example
 * ```ts
 * squeezeOrExpand(tf.zeros([4, 1]), tf.zeros([4])); // shapes [4, 1] and [4, 1]
 * squeezeOrExpand(tf.zeros([4, 3, 1]), tf.zeros([4, 3])); // shapes [4, 3] and [4, 3]
 * ```
 */
export function squeezeOrExpand(a: tf.Tensor, b: tf.Tensor): [tf.Tensor, tf.Tensor] {
  if (a.rank === b.rank + 1 && a.shape[a.rank - 1] === 1) return b.rank === 1 ? [a, tf.expandDims(b, -1)] : [tf.squeeze(a, [a.rank - 1]), b];
  if (b.rank === a.rank + 1 && b.shape[b.rank - 1] === 1) return a.rank === 1 ? [tf.expandDims(a, -1), b] : [a, tf.squeeze(b, [b.rank - 1])];
  return [a, b];
}

/** How {@link alignShapes} compares the shapes once their ranks agree. */
export interface AlignShapesOptions {
  /**
   * Whether axes of size 1 may broadcast against larger ones (`true`, the regression losses, as
   * Keras's arithmetic does) or the shapes must be equal (`false`, the crossentropies and
   * accuracies, as Keras's backends check).
   */
  broadcast?: boolean;
  /** Appended to the error, to say what probably went wrong. */
  hint?: string;
}

const ALIGN_SHAPES_KEYS = optionKeys<AlignShapesOptions>({ broadcast: true, hint: true });

/**
 * Prepares targets and predictions as Keras's losses do: both become float32 and go through
 * {@link squeezeOrExpand} (so `[batch]` against `[batch, 1]` stays one value per sample); then
 * the shapes must agree.
 *
 * @param owner what is computing, as errors show it (`loss "categorical_crossentropy"`)
 * @returns `[yTrue, yPred]`, float32 and of one rank
 * @throws Error when either is not a tensor or the shapes do not agree:
 *   `Expected yTrue and yPred to have compatible shapes, received [4, 3] and [4, 2] in loss "categorical_crossentropy"`
 * @example
 * ```ts
 * const [t, p] = alignShapes(tf.tensor1d([1, 0]), tf.tensor2d([[0.9], [0.2]]), 'loss "mse"'); // both [2, 1]
 * ```
 */
export function alignShapes(yTrue: tf.Tensor, yPred: tf.Tensor, owner: string, options: AlignShapesOptions = {}): [tf.Tensor, tf.Tensor] {
  checkOptionKeys(options, ALIGN_SHAPES_KEYS, 'alignShapes');
  checkTensor(yTrue, 'yTrue', owner);
  checkTensor(yPred, 'yPred', owner);
  const [t, p] = squeezeOrExpand(yTrue.dtype === 'float32' ? yTrue : tf.cast(yTrue, 'float32'), yPred.dtype === 'float32' ? yPred : tf.cast(yPred, 'float32'));
  const broadcast = options.broadcast ?? true;
  const agree = t.rank === p.rank && t.shape.every((size, axis) => size === p.shape[axis] || (broadcast && (size === 1 || p.shape[axis] === 1)));
  if (!agree) {
    throw new Error(
      `Expected yTrue and yPred to have compatible shapes, received [${yTrue.shape.join(', ')}] and [${yPred.shape.join(', ')}] in ${owner}${options.hint ? ` (${options.hint})` : ''}`,
    );
  }
  return [t, p];
}

/**
 * Brings sample weights to the rank of per-sample values, as Keras: trailing axes of size 1 are
 * dropped, and weights of shape `[batch]` get trailing axes so they broadcast over the rest.
 *
 * @param sampleWeight one weight per sample (`[batch]` or `[batch, 1]`), or one per value
 * @param values the per-sample losses or metric values they weight
 * @param owner what is weighting, as errors show it
 * @returns float32 weights that broadcast against `values`
 * @throws Error when the weights cannot be matched to the values
 * @example
 * ```ts
 * alignWeights(tf.tensor1d([1, 2]), tf.zeros([2, 5]), 'loss "mse"'); // shape [2, 1]
 * ```
 */
export function alignWeights(sampleWeight: tf.Tensor, values: tf.Tensor, owner: string): tf.Tensor {
  checkTensor(sampleWeight, 'sampleWeight', owner);
  let weights = sampleWeight.dtype === 'float32' ? sampleWeight : tf.cast(sampleWeight, 'float32');
  if (values.rank === 0) return weights;
  while (weights.rank > values.rank && weights.shape[weights.rank - 1] === 1) weights = tf.squeeze(weights, [weights.rank - 1]);
  while (weights.rank < values.rank) weights = tf.expandDims(weights, -1);
  const fits = weights.rank === values.rank && weights.shape.every((size, axis) => size === values.shape[axis] || size === 1);
  if (!fits) {
    throw new Error(
      `Expected sampleWeight of shape [${values.shape[0]}] (one per sample) or broadcastable to [${values.shape.join(', ')}], received [${sampleWeight.shape.join(', ')}] in ${owner}`,
    );
  }
  return weights;
}

/**
 * Whether targets look like integer class labels next to these predictions (one axis fewer, or a
 * trailing 1 against several classes): the hint for an error when a one-hot loss gets them.
 */
export function looksSparse(yTrue: tf.Tensor, yPred: tf.Tensor): boolean {
  const classes = yPred.shape[yPred.rank - 1];
  return yTrue.rank === yPred.rank - 1 || (yTrue.rank === yPred.rank && yTrue.shape[yTrue.rank - 1] === 1 && classes > 1);
}
