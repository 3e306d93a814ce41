/**
 * Gradients of the gather and scatter kernels tfjs-core leaves unregistered (`TopK`, `GatherNd`,
 * `ScatterNd`, `TensorScatterUpdate`, `SparseToDense`, `SparseSegmentSum`/`Mean`, `Bincount`,
 * `DenseBincount`, `SparseFillEmptyRows`): what a gather reads, its gradient scatters back (summing repeats), and the
 * reverse. Integer inputs (indices, ids, counts) get zeros.
 */
import * as tf from '@tensorflow/tfjs-core';

type GradientMap = Record<string, () => tf.Tensor>;

const zerosOf = (tensor: tf.Tensor) => () => tf.zeros(tensor.shape, 'float32');

/** `dy` as one tensor: a kernel with several outputs gets one per output, the first is the values'. */
function firstGradient(dy: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return Array.isArray(dy) ? dy[0] : dy;
}

tf.registerGradient({
  kernelName: 'TopK',
  inputsToSave: ['x'],
  outputsToSave: [false, true],
  gradFunc: (dy, saved): GradientMap => {
    const [x, indices] = saved;
    return {
      x: () => {
        const depth = x.shape[x.rank - 1];
        const k = indices.shape[indices.rank - 1];
        const rows = x.size / depth;
        // Row r's k-th index lands at r·depth + index in the flattened x.
        const rowStarts = tf.mul(tf.range(0, rows, 1, 'int32'), tf.scalar(depth, 'int32'));
        const positions = tf.add(tf.reshape(indices, [rows, k]), tf.reshape(rowStarts, [rows, 1]));
        const values = tf.reshape(firstGradient(dy), [-1]);
        return tf.reshape(tf.unsortedSegmentSum(values, tf.reshape(positions, [-1]), x.size), x.shape);
      },
    };
  },
});

tf.registerGradient({
  kernelName: 'GatherNd',
  inputsToSave: ['params', 'indices'],
  gradFunc: (dy, saved): GradientMap => {
    const [params, indices] = saved;
    return { params: () => tf.scatterND(indices, firstGradient(dy), params.shape), indices: zerosOf(indices) };
  },
});

tf.registerGradient({
  kernelName: 'ScatterNd',
  inputsToSave: ['indices'],
  gradFunc: (dy, saved): GradientMap => {
    const [indices] = saved;
    return { indices: zerosOf(indices), updates: () => tf.gatherND(firstGradient(dy), indices) };
  },
});

tf.registerGradient({
  kernelName: 'TensorScatterUpdate',
  inputsToSave: ['indices', 'updates'],
  gradFunc: (dy, saved): GradientMap => {
    const [indices, updates] = saved;
    const gradient = firstGradient(dy);
    return {
      // The updated positions no longer depend on the tensor.
      tensor: () => tf.tensorScatterUpdate(gradient, indices, tf.zeros(updates.shape, gradient.dtype)),
      indices: zerosOf(indices),
      updates: () => tf.gatherND(gradient, indices),
    };
  },
});

tf.registerGradient({
  kernelName: 'SparseToDense',
  inputsToSave: ['sparseIndices', 'sparseValues', 'defaultValue'],
  gradFunc: (dy, saved): GradientMap => {
    const [sparseIndices, sparseValues, defaultValue] = saved;
    const gradient = firstGradient(dy);
    // Indices into a 1-D output may come as a scalar or a vector; gatherND wants one row per index.
    const rows = () => (sparseIndices.rank < 2 ? tf.reshape(sparseIndices, [-1, 1]) : sparseIndices);
    const gathered = () => tf.gatherND(gradient, rows());
    return {
      sparseIndices: zerosOf(sparseIndices),
      sparseValues: () => (sparseValues.rank === 0 ? tf.sum(gathered()) : tf.reshape(gathered(), sparseValues.shape)),
      // The default fills every position no index names.
      defaultValue: () => tf.reshape(tf.sub(tf.sum(gradient), tf.sum(gathered())), defaultValue.shape),
    };
  },
});

function registerSparseSegment(kernelName: string, mean: boolean): void {
  tf.registerGradient({
    kernelName,
    inputsToSave: ['data', 'indices', 'segmentIds'],
    gradFunc: (dy, saved): GradientMap => {
      const [data, indices, segmentIds] = saved;
      return {
        data: () => {
          let gradient = firstGradient(dy);
          if (mean) {
            const segments = gradient.shape[0];
            const counts = tf.unsortedSegmentSum(tf.ones([segmentIds.size]), segmentIds as tf.Tensor1D, segments);
            gradient = tf.div(gradient, tf.reshape(tf.maximum(counts, 1), [segments, ...gradient.shape.slice(1).map(() => 1)]));
          }
          return tf.unsortedSegmentSum(tf.gather(gradient, segmentIds), indices as tf.Tensor1D, data.shape[0]);
        },
        indices: zerosOf(indices),
        segmentIds: zerosOf(segmentIds),
      };
    },
  });
}
registerSparseSegment('SparseSegmentSum', false);
registerSparseSegment('SparseSegmentMean', true);

/**
 * A weighted count `out[b] = Σ_{x_j = b} w_j` is linear in the weights: `dw_j = dy[x_j]`, zero for
 * values outside `[0, size)`. Unweighted (empty weights) and binary counts have nothing to
 * differentiate.
 */
function registerBincount(kernelName: string): void {
  tf.registerGradient({
    kernelName,
    inputsToSave: ['x', 'weights'],
    gradFunc: (dy, saved, attrs): GradientMap => {
      const [x, weights] = saved;
      const { size, binaryOutput } = attrs as unknown as { size: number; binaryOutput?: boolean };
      return {
        x: zerosOf(x),
        weights: () => {
          if (weights.size === 0 || binaryOutput === true || size === 0) return tf.zeros(weights.shape, 'float32');
          const inRange = tf.logicalAnd(tf.greaterEqual(x, 0), tf.less(x, size));
          let positions = tf.where(inRange, x, tf.zerosLike(x));
          if (x.rank === 2) {
            // Row r's bins start at r·size in the flattened counts.
            const rowStarts = tf.mul(tf.range(0, x.shape[0], 1, 'int32'), tf.scalar(size, 'int32'));
            positions = tf.add(positions, tf.reshape(rowStarts, [x.shape[0], 1]));
          }
          const picked = tf.reshape(tf.gather(tf.reshape(firstGradient(dy), [-1]), tf.reshape(positions, [-1])), weights.shape);
          return tf.mul(picked, tf.cast(inRange, 'float32'));
        },
      };
    },
  });
}
registerBincount('Bincount');
registerBincount('DenseBincount');

/**
 * `SparseFillEmptyRows` copies each value to `reverseIndexMap[i]` of its output values and puts
 * the default value in every empty row: the values' gradient gathers back, the default's sums the
 * rest (TensorFlow's `SparseFillEmptyRowsGrad`).
 */
tf.registerGradient({
  kernelName: 'SparseFillEmptyRows',
  inputsToSave: ['indices', 'denseShape'],
  outputsToSave: [false, false, false, true],
  gradFunc: (dy, saved): GradientMap => {
    const [indices, denseShape, reverseIndexMap] = saved;
    const outputValuesGradient = (dy as tf.Tensor[])[1];
    const valuesGradient = () => tf.gather(outputValuesGradient, reverseIndexMap);
    return {
      indices: zerosOf(indices),
      values: valuesGradient,
      denseShape: zerosOf(denseShape),
      defaultValue: () => tf.sub(tf.sum(outputValuesGradient), tf.sum(valuesGradient())),
    };
  },
});
