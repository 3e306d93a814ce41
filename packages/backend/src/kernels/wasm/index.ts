import '@tensorflow/tfjs-backend-wasm';
import { batchMatMulOverride, fusedMatMulOverride } from './batch-mat-mul';
import { sliceOverride } from './slice';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter';
import { depthwiseConv2dBackpropFilterKernel, depthwiseConv2dBackpropInputKernel } from './depthwise-conv2d-backprop';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum';
import { maxPoolGradKernel } from './max-pool-grad';
import { conv2dBackpropInputOverride } from './conv2d-backprop-input';
import { transformKernel } from './transform';
import { avgPoolGradKernel } from './avg-pool-grad';
import { resizeBilinearGradKernel } from './resize-bilinear-grad';
import { adamUpdateKernel } from './adam-update';
import { identityOverride } from './identity';
import { dropoutMaskKernel } from './dropout-mask';
import { columnSumOverride } from './column-sum';
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
  maxPoolGradKernel,
  conv2dBackpropInputOverride,
  transformKernel,
  avgPoolGradKernel,
  resizeBilinearGradKernel,
  adamUpdateKernel,
  identityOverride,
  dropoutMaskKernel,
  columnSumOverride,
];

/**
 * Registers Dendrite's wasm kernels (done on import of `@dendrite/backend`); call it again after
 * {@link uninstallWasmKernels} to put them back.
 */
export function installWasmKernels(): void {
  install([...WASM_KERNEL_OVERRIDES]);
}

installWasmKernels();
