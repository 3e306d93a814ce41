/** Keras's default layer names: `dense`, `dense_1`, `dense_2`, … counted per prefix. */

const counters = new Map<string, number>();

/**
 * A class name in snake_case as Keras derives layer names: `Dense` → `dense`, `Conv2D` → `conv2d`,
 * `MaxPooling2D` → `max_pooling2d`, `SimpleRNN` → `simple_rnn`, `ReLU` → `re_lu`.
 */
export function classNameToSnakeCase(className: string): string {
  const intermediate = className.replace(/\W+/g, '').replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  return intermediate.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The next unused name for a prefix: the first is the prefix itself, then `_1`, `_2`, … */
export function uniqueName(prefix: string): string {
  const count = counters.get(prefix) ?? 0;
  counters.set(prefix, count + 1);
  return count === 0 ? prefix : `${prefix}_${count}`;
}

/** Marks a user-given name as taken, so that a later default does not repeat it. */
export function reserveName(name: string): void {
  const match = /^(.*?)(?:_(\d+))?$/.exec(name);
  if (match == null) return;
  const [, prefix, index] = match;
  const next = index === undefined ? 1 : Number(index) + 1;
  if ((counters.get(prefix) ?? 0) < next) counters.set(prefix, next);
}

/** Starts the counters again, as Keras's `clear_session()` does (tests, notebooks). */
export function resetUniqueNames(): void {
  counters.clear();
}
