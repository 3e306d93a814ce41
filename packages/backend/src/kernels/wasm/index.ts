import '@tensorflow/tfjs-backend-wasm';
import { batchMatMulOverride, fusedMatMulOverride } from './mat-mul/batch-mat-mul';
import { sliceOverride } from './slice/slice';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter/conv2d-backprop-filter';
import { depthwiseConv2dBackpropFilterKernel, depthwiseConv2dBackpropInputKernel } from './depthwise-conv2d-backprop/depthwise-conv2d-backprop';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum/unsorted-segment-sum';
import { maxPoolBackpropKernel } from './max-pool-backprop/max-pool-backprop';
import { conv2dBackpropInputOverride } from './conv2d-backprop-input/conv2d-backprop-input';
import { transformKernel } from './transform/transform';
import { avgPoolBackpropKernel } from './avg-pool-backprop/avg-pool-backprop';
import { resizeBilinearBackpropKernel } from './resize-bilinear-backprop/resize-bilinear-backprop';
import { adamUpdateKernel } from './adam/adam-update';
import { identityOverride } from './identity/identity';
import { dropoutKernel, dropoutMaskKernel } from './dropout-mask/dropout-mask';
import { columnSumOverride } from './column-sum/column-sum';
import { softmaxCrossentropyKernel } from './softmax-crossentropy/softmax-crossentropy';
import { conv2dForwardOverride, fusedConv2dForwardOverride } from './conv2d-forward/conv2d-forward';
import { installWasmKernels as install, type WasmKernelOverride } from './wasm-kernel-overrides';

export { uninstallWasmKernels, wasmKernelsInstalled, type WasmKernelOverride } from './wasm-kernel-overrides';

/** Every kernel Dendrite registers on the wasm backend: the speed fixes and the training gaps. */
export const WASM_KERNEL_OVERRIDES: readonly WasmKernelOverride[] = [
  batchMatMulOverride,
  fusedMatMulOverride,
  sliceOverride,
  conv2dBackpropFilterKernel,
  depthwiseConv2dBackpropFilterKernel,
  depthwiseConv2dBackpropInputKernel,
  unsortedSegmentSumKernel,
  maxPoolBackpropKernel,
  conv2dBackpropInputOverride,
  transformKernel,
  avgPoolBackpropKernel,
  resizeBilinearBackpropKernel,
  adamUpdateKernel,
  identityOverride,
  dropoutMaskKernel,
  dropoutKernel,
  columnSumOverride,
  softmaxCrossentropyKernel,
  conv2dForwardOverride,
  fusedConv2dForwardOverride,
];

/**
 * Registers Dendrite's wasm kernels (done on import of `@dendrite/backend`); call it again after
 * {@link uninstallWasmKernels} to put them back.
 */
export function installWasmKernels(): void {
  install([...WASM_KERNEL_OVERRIDES]);
}

installWasmKernels();
