import { describeValue } from '@dendrite/backend/internal';
import type { OptimizerArgs } from './optimizer';

/**
 * The options an optimizer factory passes to its class: the object given, or `{learningRate}`
 * for a bare number, as tfjs's `tf.train.sgd(0.01)` and Keras's `SGD(0.01)` read their first
 * argument. A second argument (tfjs's positional `beta1`, `momentum`…) is refused rather than
 * ignored.
 *
 * @param args what the factory received first
 * @param argumentCount how many arguments it received (`arguments.length`)
 * @param factory the factory's name, for messages
 * @throws TypeError for more than one argument
 * @example
 * ```ts
 * factoryArgs(0.01, 1, 'sgd'); // { learningRate: 0.01 }
 * ```
 */
export function factoryArgs<Args extends OptimizerArgs>(args: Args | number, argumentCount: number, factory: string): Args {
  if (argumentCount > 1) {
    throw new TypeError(`Expected one argument to ${factory} (an options object or the learning rate), received ${argumentCount}: pass the others as options, e.g. ${factory}({ learningRate: ${describeValue(args)}, … })`);
  }
  return typeof args === 'number' ? ({ learningRate: args } as Args) : args;
}
