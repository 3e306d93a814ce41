/**
 * A value as an error message shows what was received: JSON for strings, booleans, null, lists
 * and plain objects, at any depth, but with what JSON would hide or lose spelled out — `NaN`,
 * `Infinity` and `undefined` (JSON prints the first two as `null`), `function name`, `a float32
 * tensor of shape [2,3]`, `an instance of Map` — and a repeated reference as `[circular]`. It never throws, so a message about a bad
 * argument cannot fail on the argument.
 *
 * @param value what the caller passed
 * @returns the value as text, for `received ${describeValue(value)}`
 * @example
 * ```ts
 * describeValue(Number.NaN);      // 'NaN'
 * describeValue([1, Infinity]);   // '[1,Infinity]'
 * describeValue('same');          // '"same"'
 * describeValue({ axis: NaN });   // '{"axis":NaN}'
 * ```
 */
export function describeValue(value: unknown): string {
  return describeNested(value, new Set());
}

function describeNested(value: unknown, ancestors: Set<object>): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (ancestors.has(value)) return '[circular]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((item) => describeNested(item, ancestors)).join(',')}]`;
    const { shape, dtype } = value as { shape?: unknown; dtype?: unknown };
    if (Array.isArray(shape) && typeof dtype === 'string') return `${/^[aeiou]/.test(dtype) ? 'an' : 'a'} ${dtype} tensor of shape [${shape.join(',')}]`;
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return `an instance of ${(value as object).constructor?.name || 'an unnamed class'}`;
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${describeNested(item, ancestors)}`);
    return `{${entries.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
