import { tf } from '@dendrite/backend';
import { checkOptionKeys, describeValue } from '@dendrite/backend/internal';

/**
 * Checks the options of a loss or metric function (`categoricalCrossentropy(yTrue, yPred, options)`)
 * with the shared option-key check, and refuses the options given in place of `yTrue`
 * (`categoricalCrossentropy({ fromLogits: true })`, a loss object's form) rather than failing on
 * shapes later. A typo in either place is named with the spelling meant.
 *
 * @param yTrue the function's first argument
 * @param options its options argument
 * @param known the option keys the function reads
 * @param fn the function's name, as messages show it (`categoricalCrossentropy`)
 * @param objectForm the class that takes these options once (`CategoricalCrossentropy`)
 * @throws TypeError for an unknown key, or options in place of `yTrue`
 * @example
 * ```ts
 * checkFunctionOptions(yTrue, { from_logits: true }, ['fromLogits'], 'binaryCrossentropy', 'BinaryCrossentropy');
 * // throws: Unknown option "from_logits" in binaryCrossentropy: did you mean "fromLogits"?
 * ```
 */
export function checkFunctionOptions(yTrue: unknown, options: unknown, known: readonly string[], fn: string, objectForm: string): void {
  if (typeof yTrue === 'object' && yTrue !== null && !(yTrue instanceof tf.Tensor) && !Array.isArray(yTrue)) {
    checkOptionKeys(yTrue, known, fn);
    throw new TypeError(`Expected ${fn}(yTrue, yPred, options?), received the options ${describeValue(yTrue)} in place of yTrue: pass them third, or make ${objectForm} with them (new ${objectForm}(options))`);
  }
  checkOptionKeys(options, known, fn);
}
