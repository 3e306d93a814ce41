/**
 * Keras's `custom_objects`: user classes and functions that a load resolves by name before the
 * registries, for that load only (`keras.saving.custom_object_scope`). Every
 * {@link ObjectRegistry} consults the active scopes first, so a custom layer, loss, metric,
 * initializer, regularizer, constraint, optimizer or schedule named in a saved file is found
 * without global registration.
 *
 * A scope is active only while a synchronous body runs: an asynchronous load reads its file
 * first and builds the model inside the scope, so two loads in flight never see each other's
 * objects.
 */
import { normalizeIdentifier } from './normalize-identifier';

/**
 * Classes and functions by the name a saved file gives them: `{ MyLayer, myLoss }`. A class is
 * also found under its static `className`.
 */
export type CustomObjects = Readonly<Record<string, unknown>>;

const scopes: CustomObjects[] = [];

const isThenable = (value: unknown): boolean => typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Runs `body` with `objects` resolving by name ahead of every registry, innermost scope first.
 *
 * @param objects the custom objects (`undefined` or `{}`: `body` runs as it is)
 * @param body synchronous work that deserializes
 * @returns what `body` returns
 * @throws TypeError when `objects` is not a plain object, or `body` returns a promise (the scope
 *   would end before the work it should cover)
 * @example
 * ```ts
 * const layer = withCustomObjects({ Scale }, () => deserializeLayer({ class_name: 'Scale', config: {} }));
 * ```
 */
export function withCustomObjects<T>(objects: CustomObjects | undefined, body: () => T): T {
  if (objects === undefined) return body();
  if (typeof objects !== 'object' || objects === null || Array.isArray(objects)) {
    throw new TypeError(`Expected customObjects to be an object of classes and functions by name ({ MyLayer, myLoss }), received ${Array.isArray(objects) ? 'an array' : String(objects)}`);
  }
  scopes.push(objects);
  try {
    const result = body();
    if (isThenable(result)) throw new TypeError('Expected a synchronous body for withCustomObjects, received one returning a promise');
    return result;
  } finally {
    scopes.pop();
  }
}

/**
 * The custom object the active scopes give a name (any Keras spelling of a key, with or without
 * Keras's `package>` prefix, or a class's `className`), innermost scope first, among those `accepts` takes; `undefined` outside every
 * scope or when none matches.
 */
export function findCustomObject(name: string, accepts: (value: unknown) => boolean): unknown {
  if (scopes.length === 0) return undefined;
  const wanted = normalizeIdentifier(name);
  for (let index = scopes.length - 1; index >= 0; index--) {
    for (const [key, value] of Object.entries(scopes[index])) {
      const className = (value as { className?: unknown } | null)?.className;
      // Keras keys registered objects `package>Name` (its `registered_name`); the config names `Name`.
      const plainKey = key.slice(key.lastIndexOf('>') + 1);
      const named = normalizeIdentifier(plainKey) === wanted || (typeof className === 'string' && normalizeIdentifier(className) === wanted);
      if (named && accepts(value)) return value;
    }
  }
  return undefined;
}
