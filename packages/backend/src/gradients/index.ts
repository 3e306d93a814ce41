/**
 * Registers the gradients Dendrite adds to tfjs-core's: zero gradients for the kernels TensorFlow
 * does not differentiate (comparisons, logical ops, searches), and the gradients of the
 * differentiable kernels tfjs-core leaves without one. `kernel-gradients.test.ts` sweeps every
 * registered kernel for a gradient.
 */
import './zero-gradients';
import './strided-slice-gradient';
import './gather-scatter-gradients';
import './rearrangement-gradients';
import './cumprod-gradient';
import './einsum-gradient';
import './image-warp-gradients';
import './crop-and-resize-gradient';

export { ZERO_GRADIENT_KERNELS, registerZeroGradient } from './zero-gradients';
