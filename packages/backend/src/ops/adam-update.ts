import * as tf from '@tensorflow/tfjs-core';
import type { AdamStepAttributes } from '../kernels/wasm/adam/adam-step';

export type { AdamStepAttributes } from '../kernels/wasm/adam/adam-step';

/** The name of Dendrite's fused Adam kernel (registered on wasm). */
export const ADAM_UPDATE = 'DendriteAdamUpdate';

/** A variable's value with its Adam slots, before or after a step. */
export interface AdamTensors {
  variable: tf.Tensor;
  momentum: tf.Tensor;
  velocity: tf.Tensor;
}

/**
 * One Adam step of one variable as a single kernel (see {@link adamStep} for the math), where the
 * active backend has one: one pass over memory instead of a dozen elementwise kernels. Not
 * differentiable; the optimizer assigns the results.
 *
 * @param inputs the variable, its gradient and its two slots (float32, one shape)
 * @returns the new variable, momentum and velocity, or undefined when the active backend has no
 *   fused kernel (the caller then does the math with ops)
 * @throws Error when the shapes or dtypes differ
 * @example
 * ```ts
 * const next = fusedAdamUpdate({ variable: w, gradient: g, momentum: m, velocity: v }, { alpha: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
 * if (next) { m.assign(next.momentum); v.assign(next.velocity); w.assign(next.variable); }
 * ```
 */
export function fusedAdamUpdate(inputs: AdamTensors & { gradient: tf.Tensor }, attributes: AdamStepAttributes): AdamTensors | undefined {
  if (tf.getKernel(ADAM_UPDATE, tf.getBackend()) == null) return undefined;
  const { variable, gradient, momentum, velocity } = inputs;
  if (variable.dtype !== 'float32') throw new Error(`Expected the variable to be float32 in an Adam update, received ${variable.dtype}`);
  check(gradient, 'gradient', variable);
  check(momentum, 'momentum', variable);
  check(velocity, 'velocity', variable);
  const [nextVariable, nextMomentum, nextVelocity] = tf.engine().runKernel(
    ADAM_UPDATE,
    { variable, gradient, momentum, velocity },
    { ...attributes },
  ) as tf.Tensor[];
  return { variable: nextVariable, momentum: nextMomentum, velocity: nextVelocity };
}

/** `tensor` must be float32 of the variable's shape. */
function check(tensor: tf.Tensor, name: string, variable: tf.Tensor): void {
  if (tensor.dtype !== 'float32' || !tf.util.arraysEqual(tensor.shape, variable.shape)) {
    throw new Error(`Expected ${name} to be float32 of the variable's shape [${variable.shape}] in an Adam update, received ${tensor.dtype} [${tensor.shape}]`);
  }
}
