import type { Activation } from './activation';
import { activationName } from './get-activation';

/** How a built-in activation runs inside `tf.fused.matMul` / `tf.fused.conv2d`. */
export interface FusedActivation {
  /** tfjs's fused activation name. */
  name: 'linear' | 'relu' | 'relu6' | 'elu' | 'sigmoid' | 'leakyrelu';
  /** The slope of `leakyrelu` (tfjs's `leakyreluAlpha`). */
  alpha?: number;
}

/**
 * The built-in activations tfjs can fuse into one matmul or convolution op, by Keras name, with
 * their fused form: `linear`, `relu`, `relu6`, `elu` (alpha 1), `sigmoid` and `leaky_relu`
 * (`leakyrelu`, alpha 0.2). The others (tanh, softmax, gelu, …) run as an op of their own after
 * the fused matmul with bias. Under `tf.grad` tfjs runs non-linear fused activations unfused, so
 * gradients are the ordinary ones.
 *
 * @example
 * ```ts
 * const fused = FUSABLE_ACTIVATIONS.leaky_relu; // { name: 'leakyrelu', alpha: 0.2 }
 * tf.fused.matMul({ a, b, bias, activation: fused.name, leakyreluAlpha: fused.alpha });
 * ```
 */
export const FUSABLE_ACTIVATIONS: Readonly<Record<string, Readonly<FusedActivation>>> = Object.freeze({
  linear: Object.freeze({ name: 'linear' }),
  relu: Object.freeze({ name: 'relu' }),
  relu6: Object.freeze({ name: 'relu6' }),
  elu: Object.freeze({ name: 'elu' }),
  sigmoid: Object.freeze({ name: 'sigmoid' }),
  leaky_relu: Object.freeze({ name: 'leakyrelu', alpha: 0.2 }),
});

/**
 * The fused form of an activation, or undefined when it must run as its own op: only the
 * built-in functions themselves fuse (a custom function or `reluWith(...)` never does).
 *
 * @param activation the layer's activation
 * @returns its entry of {@link FUSABLE_ACTIVATIONS}, or undefined
 * @example
 * ```ts
 * fusedActivationOf(getActivation('relu')); // { name: 'relu' }
 * fusedActivationOf(getActivation('tanh')); // undefined
 * ```
 */
export function fusedActivationOf(activation: Activation): Readonly<FusedActivation> | undefined {
  const name = activationName(activation);
  return name !== undefined && Object.hasOwn(FUSABLE_ACTIVATIONS, name) ? FUSABLE_ACTIVATIONS[name] : undefined;
}
