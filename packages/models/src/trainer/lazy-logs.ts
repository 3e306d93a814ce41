import type { Logs } from '@dendrite/callbacks';

/**
 * Logs whose values are read from the backend only when a callback first reads one, then cached:
 * per-batch hooks cost nothing unless someone looks.
 */
export function lazyLogs(names: readonly string[], read: () => number[]): Logs {
  let values: number[] | undefined;
  const logs: Logs = {};
  names.forEach((name, index) => {
    Object.defineProperty(logs, name, {
      enumerable: true,
      configurable: true,
      get: () => (values ??= read())[index],
    });
  });
  return logs;
}

/** Logs from names and values read already. */
export function eagerLogs(names: readonly string[], values: readonly number[], prefix = ''): Logs {
  return Object.fromEntries(names.map((name, index) => [`${prefix}${name}`, values[index]]));
}
