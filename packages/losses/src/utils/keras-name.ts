/**
 * Gives a function its Keras name as `fn.name` (`meanSquaredError.name === 'mean_squared_error'`).
 *
 * Why: Keras names a loss or metric passed as a function after the function
 * (`metrics=[keras.metrics.binary_accuracy]` logs `binary_accuracy`), and the trainer reads
 * `fn.name` the same way, so history keys match Keras's even though the TypeScript export is
 * camelCase.
 *
 * @param fn the function, changed in place
 * @param kerasName its snake_case Keras name
 * @returns `fn`
 * @example
 * ```ts
 * export const poisson = withKerasName(function poisson(yTrue, yPred) { … }, 'poisson');
 * ```
 */
export function withKerasName<F extends (...args: never[]) => unknown>(fn: F, kerasName: string): F {
  Object.defineProperty(fn, 'name', { value: kerasName, configurable: true });
  return fn;
}
