import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../../tf/index';
import { cpuAvgPoolBackpropKernel } from './avg-pool-backprop';
import { cpuResizeBilinearBackpropKernel } from './resize-bilinear-backprop';
import { cpuTransformKernel } from './transform';

/** Kernels Dendrite replaces on the cpu backend, for bugs in tfjs-backend-cpu 4.22. */
export const CPU_KERNEL_OVERRIDES = [cpuTransformKernel, cpuAvgPoolBackpropKernel, cpuResizeBilinearBackpropKernel] as const;

for (const kernel of CPU_KERNEL_OVERRIDES) {
  if (tf.getKernel(kernel.kernelName, 'cpu') != null) tf.unregisterKernel(kernel.kernelName, 'cpu');
  tf.registerKernel(kernel);
}
