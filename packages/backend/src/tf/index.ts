import './register-gradients';
import * as tf from './namespace';

/**
 * The tfjs-core namespace, with every gradient registered: `tf.tensor`, `tf.tidy`,
 * `tf.variableGrads`, `tf.memory`, and the rest of tfjs-core's API, and `tf.version` as
 * `@tensorflow/tfjs` has it.
 *
 * @example
 * ```ts
 * import { tf } from '@dendrite/backend';
 * const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(w)));
 * ```
 */
export { tf };
