import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { SOFTMAX_CROSSENTROPY } from '../../../ops/softmax-crossentropy-with-logits';
import { allocate, heapView, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

/**
 * Row by row, in float64: `loss[r] = (Σ t)·logSumExp(z) − Σ t·z` and
 * `gradient[r][j] = (Σ t)·softmax(z)[j] − t[j]`, shifting by the row's maximum so that `exp`
 * never overflows.
 */
export function softmaxCrossentropyRows(z: ArrayLike<number>, t: ArrayLike<number>, loss: Float32Array | Int32Array, gradient: Float32Array | Int32Array, classes: number): void {
  const rows = loss.length;
  for (let row = 0, start = 0; row < rows; row++, start += classes) {
    let max = -Infinity;
    for (let j = start; j < start + classes; j++) if (z[j] > max) max = z[j];
    let sum = 0;
    let targetSum = 0;
    let targetDotLogits = 0;
    for (let j = start; j < start + classes; j++) {
      const e = Math.exp(z[j] - max);
      gradient[j] = e;
      sum += e;
      targetSum += t[j];
      targetDotLogits += t[j] * (z[j] - max);
    }
    loss[row] = targetSum * Math.log(sum) - targetDotLogits;
    const scale = targetSum / sum;
    for (let j = start; j < start + classes; j++) gradient[j] = gradient[j] * scale - t[j];
  }
}

/**
 * `DendriteSoftmaxCrossentropy` on wasm: the loss per row and its gradient with respect to the
 * logits (see `softmaxCrossentropyWithLogits`) in one pass over wasm memory, instead of the dozen
 * kernels of a softmax, a log, a clip and their gradients.
 */
export const softmaxCrossentropyKernel: WasmKernelOverride = {
  kernelName: SOFTMAX_CROSSENTROPY,
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend } = rawArgs as unknown as WasmKernelArgs;
      const { logits, targets } = inputs;
      const classes = logits.shape[logits.shape.length - 1];
      const rows = logits.shape.slice(0, -1).reduce((product, size) => product * size, 1);
      const loss = allocate(backend, logits.shape.slice(0, -1), 'float32');
      const gradient = allocate(backend, [...logits.shape], 'float32');
      // Views only after the last allocation (an allocation may grow the heap and detach them).
      softmaxCrossentropyRows(heapView(backend, logits), heapView(backend, targets), heapView(backend, loss).subarray(0, rows), heapView(backend, gradient), classes);
      return [loss, gradient] as TensorInfo[];
    };
  },
};
