import type { tf } from '@dendrite/backend';

/**
 * An activation: a function from a tensor to a tensor of the same shape, as layers take it
 * (`dense({ units: 4, activation: relu })`).
 *
 * The built-ins take Keras's options as an optional second argument (`relu(x, { maxValue: 6 })`,
 * `gelu(x, { approximate: true })`); called with one argument they use Keras's defaults, so every
 * built-in is an `Activation`.
 *
 * @example
 * ```ts
 * const halfRelu: Activation = (x) => tf.mul(tf.relu(x), 0.5);
 * ```
 */
export type Activation = (x: tf.Tensor) => tf.Tensor;
