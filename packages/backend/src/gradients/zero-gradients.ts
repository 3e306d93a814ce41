/**
 * Zero gradients for the kernels TensorFlow declares not differentiable (`ops.NotDifferentiable`)
 * or whose outputs are piecewise constant in their inputs: comparisons, logical ops, searches,
 * counts, sampling and suppression. tfjs-core registers none for most of them, so a tape that
 * meets one throws (`gradient function not found for LessEqual`: the Huber loss, and any loss
 * written with `tf.where(tf.less(...))`). Where TensorFlow's backpropagation stops, ours gives
 * zeros of the input's shape.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * The kernels Dendrite gives a zero gradient, each with the names of its tensor inputs. Rounding,
 * sign, `Step`, `GreaterEqual`, `IsNan`/`IsInf`/`IsFinite`, `ArgMax`/`ArgMin` and
 * `OnesLike`/`ZerosLike` already have tfjs-core's own zero gradients.
 */
export const ZERO_GRADIENT_KERNELS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  Equal: ['a', 'b'],
  NotEqual: ['a', 'b'],
  Less: ['a', 'b'],
  LessEqual: ['a', 'b'],
  Greater: ['a', 'b'],
  LogicalAnd: ['a', 'b'],
  LogicalOr: ['a', 'b'],
  LogicalXor: ['a', 'b'],
  LogicalNot: ['x'],
  All: ['x'],
  Any: ['x'],
  BitwiseAnd: ['a', 'b'],
  BroadcastArgs: ['s0', 's1'],
  // lowerBound / upperBound run the SearchSorted kernel.
  SearchSorted: ['sortedSequence', 'values'],
  Multinomial: ['logits'],
  NonMaxSuppressionV3: ['boxes', 'scores'],
  NonMaxSuppressionV4: ['boxes', 'scores'],
  NonMaxSuppressionV5: ['boxes', 'scores'],
  // Equal elements merge into one output: no derivative where they meet, constant elsewhere.
  Unique: ['x'],
  SparseReshape: ['inputIndices', 'inputShape', 'newShape'],
  RaggedRange: ['starts', 'limits', 'deltas'],
});

/**
 * Registers a zero gradient for `kernelName`: float32 zeros of each input's shape (tfjs's tape
 * takes only float32 gradients, whatever the input's dtype).
 *
 * @param kernelName the kernel, as tfjs-core names it
 * @param inputNames the names of its tensor inputs
 * @example
 * ```ts
 * registerZeroGradient('Less', ['a', 'b']);
 * ```
 */
export function registerZeroGradient(kernelName: string, inputNames: readonly string[]): void {
  tf.registerGradient({
    kernelName,
    inputsToSave: [...inputNames],
    gradFunc: (_dy, saved) =>
      Object.fromEntries(inputNames.map((name, index) => [name, () => tf.zeros(saved[index].shape, 'float32')])),
  });
}

for (const [kernelName, inputNames] of Object.entries(ZERO_GRADIENT_KERNELS)) registerZeroGradient(kernelName, inputNames);
