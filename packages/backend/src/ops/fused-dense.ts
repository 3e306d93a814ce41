import * as tf from '@tensorflow/tfjs-core';
import { wasmKernelsInstalled } from '../kernels/wasm/wasm-kernel-overrides';

/** The activations {@link fusedDense} keeps fused under a gradient tape. */
export type TapeFusedActivation = 'linear' | 'relu';

/** Arguments of {@link fusedDense}. */
export interface FusedDenseArgs {
  /** `[batch, inputs]`. */
  x: tf.Tensor2D;
  /** `[inputs, units]`. */
  kernel: tf.Tensor2D;
  /** `[units]`, or none (then `tf.fused.matMul` runs instead). */
  bias?: tf.Tensor;
  activation: TapeFusedActivation;
}

/**
 * `activation(x·kernel + bias)` as one `_FusedMatMul` kernel, also while gradients are recorded:
 * `tf.fused.matMul` runs matmul, bias add and activation as three kernels under a tape, and its
 * fused gradient computes every input's gradient, wanted or not. The gradient registered here
 * (see `fused-mat-mul-gradient.ts`) is lazy per input: the input of a first layer gets none.
 *
 * @returns `[batch, units]`
 * @example
 * ```ts
 * const hidden = fusedDense({ x, kernel, bias, activation: 'relu' });
 * ```
 */
export function fusedDense({ x, kernel, bias, activation }: FusedDenseArgs): tf.Tensor2D {
  const [rows, inputs] = x.shape;
  const units = kernel.shape[1];
  if (kernel.shape[0] !== inputs) {
    throw new Error(`Expected a kernel of shape [${inputs}, units] for an input of shape [${x.shape}], received [${kernel.shape}]`);
  }
  if (bias === undefined || x.dtype !== 'float32' || kernel.dtype !== 'float32' || bias.dtype !== 'float32') {
    // tf.fused.matMul casts mixed dtypes, which the kernel would not; the kernel's gradient wants a bias.
    return tf.fused.matMul({ a: x, b: kernel, bias, activation }) as tf.Tensor2D;
  }
  // biasShape: the recorded kernel's gradient reads the bias's shape there instead of saving the bias.
  const attributes = { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0.2, biasShape: bias.shape } as unknown as tf.NamedAttrMap;
  // Each Reshape under a tape costs three kernels (itself, the saved input, its gradient), so
  // backends whose _FusedMatMul takes rank-2 operands get them as they are.
  if (takesRank2Operands(tf.getBackend())) return tf.engine().runKernel('_FusedMatMul', { a: x, b: kernel, bias }, attributes) as tf.Tensor2D;
  // Other backends' (and the stock wasm) matmul kernels take rank-3 operands.
  const a = tf.reshape(x, [1, rows, inputs]);
  const b = tf.reshape(kernel, [1, inputs, units]);
  const product = tf.engine().runKernel('_FusedMatMul', { a, b, bias }, attributes) as tf.Tensor;
  const result = tf.reshape(product, [rows, units]) as tf.Tensor2D;
  tf.dispose([a, b, product]);
  return result;
}

/** Whether `backend`'s `_FusedMatMul` reads rank-2 operands: cpu's and webgl's do, wasm's with Dendrite's kernels installed. */
function takesRank2Operands(backend: string): boolean {
  return backend === 'cpu' || backend === 'webgl' || (backend === 'wasm' && wasmKernelsInstalled());
}
