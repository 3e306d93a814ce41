/**
 * The tfjs-core internals that `register_all_gradients` imports by relative path, rebuilt from the
 * public API. The gradients plugin (tooling/tfjs-gradients) redirects those imports here so that
 * the compiled gradients run against the one tfjs-core the rest of the program uses.
 *
 * @internal
 */
import * as tfc from '@tensorflow/tfjs-core';

export * from '@tensorflow/tfjs-core';

/** The global engine, as tfjs-core's `engine.ts` exports it. */
export const ENGINE = tfc.engine();

/** Converts a tensor-like value to a tensor, as tfjs-core's `tensor_util_env.ts` does for ops. */
export function convertToTensor(
  value: tfc.Tensor | tfc.TensorLike,
  argumentName: string,
  functionName: string,
): tfc.Tensor {
  if (value instanceof tfc.Tensor) return value;
  if (value == null) {
    throw new Error(`Argument '${argumentName}' passed to '${functionName}' must be a Tensor or TensorLike, but got null`);
  }
  return tfc.tensor(value as tfc.TensorLike);
}

export const { assert, sizeFromShape, parseAxisParam } = tfc.util;
export const {
  assertAndGetBroadcastShape,
  getReductionAxes,
  getAxesPermutation,
  getUndoAxesPermutation,
  computeOutAndReduceShapes,
  expandShapeToKeepDim,
  tupleValuesAreOne,
  checkPadOnDimRoundingMode,
  eitherStridesOrDilationsAreOne,
  SELU_SCALE,
  SELU_SCALEALPHA,
} = tfc.backend_util;
export const { parseSliceParams } = tfc.slice_util;

/** The Tensor class chained ops are added to (`x.reshape()`), as tfjs-core's `tensor.ts` exports it. */
export function getGlobalTensorClass(): typeof tfc.Tensor {
  return tfc.Tensor;
}

export const { resizeBilinear, resizeNearestNeighbor } = tfc.image;
