import { describeValue } from '@dendrite/backend/internal';

/** Whether a value is an options object: a plain object (not an array, tensor, layer or function). */
export function isOptionsObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The options of a factory called as Keras calls the constructor: leading positional arguments
 * (`dense(10)`, `conv2d(32, 3, { activation: 'relu' })`, `maxNorm(1)`), then an optional options
 * object. Positional values are named after Keras's signature and merged into the options; a value
 * given both ways, more positional values than the signature names, or a last argument that is not
 * an options object are refused, so a bare number is never ignored.
 *
 * @param values the factory's arguments, in order
 * @param names the Keras names of the positional arguments, in order (camelCase)
 * @param owner who reads them, as messages name it: `layer Dense`, `MaxNorm`
 * @returns one options object
 * @throws TypeError naming the owner and the argument
 * @example
 * ```ts
 * positionalOptions([10, { activation: 'relu' }], ['units'], 'layer Dense'); // { activation: 'relu', units: 10 }
 * ```
 */
export function positionalOptions<Options extends object>(values: readonly unknown[], names: readonly string[], owner: string): Options {
  const positional: Record<string, unknown> = {};
  let index = 0;
  for (; index < names.length && index < values.length && !isOptionsObject(values[index]); index++) {
    if (values[index] !== undefined) positional[names[index]] = values[index];
  }
  const options = values[index];
  const extra = values.slice(index + 1).filter((value) => value !== undefined);
  if (options !== undefined && !isOptionsObject(options)) {
    const after = names.length === 0 ? '' : ` (after ${names.join(', ')})`;
    throw new TypeError(`Expected the options of ${owner}${after} to be an object, received ${describeValue(options)}`);
  }
  if (extra.length > 0) {
    throw new TypeError(`Expected nothing after the options of ${owner} (arguments: ${[...names, 'options'].join(', ')}), received ${describeValue(extra[0])}`);
  }
  for (const name of Object.keys(positional)) {
    if (options !== undefined && (options as Record<string, unknown>)[name] !== undefined) {
      throw new TypeError(
        `Expected ${name} once for ${owner}, received ${describeValue(positional[name])} as an argument and ${describeValue((options as Record<string, unknown>)[name])} as an option`,
      );
    }
  }
  return { ...(options as object | undefined), ...positional } as Options;
}
