/**
 * Keras writes configs in snake_case; Dendrite's API is camelCase. These convert one to the other,
 * one level deep: nested `{class_name, config}` objects are converted by their own owners.
 */

/** `learningRate` → `learning_rate`; snake_case passes through. */
export function toSnakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** `learning_rate` → `learningRate`; camelCase passes through. */
export function toCamelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** A copy of `record` with snake_case keys. */
export function keysToSnakeCase(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [toSnakeCase(key), value]));
}

/** A copy of `record` with camelCase keys. */
export function keysToCamelCase(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [toCamelCase(key), value]));
}
