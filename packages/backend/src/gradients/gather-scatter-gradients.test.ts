import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { expectGradientMatchesDifferences } from './finite-differences';

describeEachBackend('gather and scatter gradients', () => {
  const int = (values: number[], shape?: number[]) => tf.tensor(values, shape, 'int32');
  const cases: Array<[string, number[], (x: tf.Tensor) => tf.Tensor]> = [
    // Distinct values, so the top k (and the gradient's route) are unambiguous.
    ['topk', [2, 5], (x) => tf.topk(x, 3).values],
    ['gatherND with a repeated index', [3, 4], (x) => tf.gatherND(x, int([0, 1, 2, 3, 0, 1], [3, 2]))],
    ['gatherND of rows', [3, 4], (x) => tf.gatherND(x, int([2, 0, 2], [3, 1]))],
    ['scatterND', [3, 2], (x) => tf.scatterND(int([4, 0, 2], [3, 1]), x, [5, 2])],
    ['tensorScatterUpdate, the tensor', [4, 2], (x) => tf.tensorScatterUpdate(x, int([1, 3], [2, 1]), tf.ones([2, 2]))],
    ['tensorScatterUpdate, the updates', [2, 2], (x) => tf.tensorScatterUpdate(tf.ones([4, 2]), int([1, 3], [2, 1]), x)],
    ['sparseToDense values', [3], (x) => tf.sparseToDense(int([0, 2, 5]), x, [6], tf.scalar(0.5))],
    ['sparseToDense default', [], (x) => tf.sparseToDense(int([1, 0, 0, 2], [2, 2]), tf.tensor1d([1, 2]), [2, 3], x as tf.Scalar)],
    ['sparseSegmentSum', [4, 2], (x) => tf.sparse.sparseSegmentSum(x, int([0, 3, 3, 1]) as tf.Tensor1D, int([0, 0, 1, 2]) as tf.Tensor1D)],
    ['sparseSegmentMean', [4, 2], (x) => tf.sparse.sparseSegmentMean(x, int([0, 3, 3, 1]) as tf.Tensor1D, int([0, 0, 1, 2]) as tf.Tensor1D)],
    ['bincount weights (one value out of range)', [5], (x) => tf.bincount(int([0, 2, 2, 7, 1]) as tf.Tensor1D, x as tf.Tensor1D, 4)],
    ['denseBincount weights, 2-D', [2, 3], (x) => tf.denseBincount(int([0, 1, 1, 2, 2, 0], [2, 3]) as tf.Tensor2D, x as tf.Tensor2D, 3)],
  ];
  it.each(cases)('%s: matches finite differences, leaking nothing', async (_name, shape, f) => {
    const values = seededArray(tf.util.sizeFromShape(shape), 11).map((value, index) => value + index * 0.05);
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, values, shape));
  });

  it('gives integer inputs a zero gradient', () => {
    const [indicesGradient] = tf.grads((indices: tf.Tensor, params: tf.Tensor) => tf.sum(tf.gatherND(params, indices)))([int([1, 0], [2, 1]), tf.ones([2, 2])]);
    expect(indicesGradient.dtype).toBe('float32');
    expectArraysClose(indicesGradient.dataSync(), [0, 0]);
    indicesGradient.dispose();
  });
});

describeEachBackend('SparseFillEmptyRows gradient', () => {
  // Rows 1 and 3 of 5 are empty and get the default value.
  const indices = () => tf.tensor2d([[0, 0], [0, 2], [2, 1], [4, 0]], [4, 2], 'int32');
  const denseShape = () => tf.tensor1d([5, 3], 'int32');
  it.each([
    ['values', [4], (x: tf.Tensor) => tf.sparse.sparseFillEmptyRows(indices(), x as tf.Tensor1D, denseShape(), tf.scalar(-1)).outputValues],
    ['default value', [], (x: tf.Tensor) => tf.sparse.sparseFillEmptyRows(indices(), tf.tensor1d([1, 2, 3, 4]), denseShape(), x as tf.Scalar).outputValues],
  ] as const)('%s: matches finite differences, leaking nothing', async (_name, shape, f) => {
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, [0.3, -0.2, 0.5, 0.1].slice(0, tf.util.sizeFromShape([...shape])), [...shape]));
  });
});
