import { exponentDigits, fixedDigits, generalDigits, pythonRepr } from './python-float';

/**
 * A value for {@link pythonFormat}: a `number` is a Python float, a `bigint` a Python int (so
 * `{epoch}` prints `3`, `{loss}` prints `1.0`), a `string` a str.
 */
export type PythonFormatValue = number | bigint | string;

/**
 * Python's `str.format` with named fields, as ModelCheckpoint file names use it:
 * `'weights.{epoch:02d}-{val_loss:.4f}.h5'` → `'weights.03-0.1235.h5'`. The format spec takes
 * `[[fill]align][sign][z][#][0][width][,|_][.precision][type]` with the types d, f, F, e, E, g,
 * G, % and s; `!s`/`!r` conversions; `{{` and `}}` for braces. Floats are rounded exactly as
 * CPython rounds them (half to even on the binary value).
 *
 * @param template - the text with `{name[!conversion][:spec]}` fields
 * @param values - each field's value; see {@link PythonFormatValue}
 * @returns the formatted text
 * @throws Error naming the field when it has no value, its spec is not Python's, or its type
 * does not suit the value (`{loss:d}` on a non-integer)
 *
 * @example
 * ```ts
 * pythonFormat('{epoch:03d}-{val_accuracy:.2f}', { epoch: 7n, val_accuracy: 0.98765 }); // '007-0.99'
 * ```
 */
export function pythonFormat(template: string, values: Record<string, PythonFormatValue>): string {
  let output = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    if (char === '}') {
      if (template[i + 1] !== '}') throw new Error(`Expected '}}' for a literal brace in the template "${template}", received a single '}' at position ${i}`);
      output += '}';
      i++;
    } else if (char !== '{') {
      output += char;
    } else if (template[i + 1] === '{') {
      output += '{';
      i++;
    } else {
      const end = template.indexOf('}', i);
      if (end < 0) throw new Error(`Expected '}' to close the field at position ${i} of the template "${template}", received the end of the template`);
      output += formatReplacementField(template.slice(i + 1, end), values, template);
      i = end;
    }
  }
  return output;
}

function formatReplacementField(field: string, values: Record<string, PythonFormatValue>, template: string): string {
  const match = /^([^!:{}[\].]+)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
  if (!match) throw new Error(`Expected a named field such as {epoch:02d} in the template "${template}", received "{${field}}"`);
  const [, name, conversion, spec = ''] = match;
  if (!Object.hasOwn(values, name) || values[name] === undefined) {
    throw new Error(`Expected a value for "{${name}}" in the template "${template}", received keys [${Object.keys(values).join(', ')}]`);
  }
  let value = values[name];
  if (conversion === 's') value = typeof value === 'number' ? pythonRepr(value) : String(value);
  else if (conversion) value = typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : typeof value === 'number' ? pythonRepr(value) : String(value);
  return formatValueWithSpec(value, spec, name);
}

const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([dfFeEgGs%])?$/s;

/**
 * One value formatted with one Python format spec (`'02d'`, `'.4f'`, `'>8s'`).
 *
 * @throws Error when the spec is not Python's or does not suit the value
 */
export function formatValueWithSpec(value: PythonFormatValue, spec: string, name = 'value'): string {
  const parts = SPEC.exec(spec);
  if (!parts) throw new Error(`Expected a Python format spec ([[fill]align][sign][0][width][,][.precision][type]) for {${name}}, received "${spec}"`);
  const [, fill, align, sign = '-', coerceZero, alternate, zero, widthText, grouping, precisionText, type] = parts;
  const width = widthText === undefined ? 0 : Number(widthText);
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  const mismatch = (what: string) => new Error(`Expected ${what} for {${name}:${spec}}, received ${typeof value} ${String(value)}`);

  if (typeof value === 'string') {
    if (type !== undefined && type !== 's') throw mismatch(`a number for the type '${type}'`);
    if (align === '=' || sign !== '-' || grouping) throw mismatch('a number for sign, "=" or grouping options');
    const text = precision === undefined ? value : value.slice(0, precision);
    // Python ≥ 3.10: the '0' flag pads a string with zeros, left-aligned ('ab000').
    return pad('', text, width, fill ?? (zero ? '0' : ' '), align ?? '<');
  }
  if (type === 's') throw mismatch('a string for the type \'s\'');
  const negative = typeof value === 'bigint' ? value < 0n : value < 0 || Object.is(value, -0);
  let body: string;
  if (typeof value === 'bigint' && (type === undefined || type === 'd')) {
    if (precision !== undefined) throw mismatch('no precision for an integer');
    body = (negative ? -value : value).toString();
  } else if (type === 'd') {
    if (!Number.isInteger(value)) throw mismatch("an integer for the type 'd'");
    body = fixedDigits(value as number, 0);
  } else {
    const number = Number(value);
    const isAlternate = alternate !== undefined;
    if (type === 'f' || type === 'F') body = fixedDigits(number, precision ?? 6, isAlternate);
    else if (type === 'e' || type === 'E') body = exponentDigits(number, precision ?? 6, isAlternate);
    else if (type === '%') body = `${fixedDigits(number * 100, precision ?? 6, isAlternate)}%`;
    else body = generalDigits(number, precision, { noType: type === undefined, alternate: isAlternate });
    if (type === 'F' || type === 'E' || type === 'G') body = body.toUpperCase();
  }
  let signText = negative ? '-' : sign === '-' ? '' : sign;
  if (negative && coerceZero && !/[1-9]/.test(body)) signText = sign === '-' ? '' : sign;
  // CPython groups the padding too when it is zeros after the sign: fill '0' with '=' alignment,
  // given as the '0' flag or spelled out ('0=').
  const groupsPadding = (fill ?? (zero ? '0' : ' ')) === '0' && (align ?? (zero ? '=' : '>')) === '=';
  if (grouping) body = groupDigits(body, grouping, groupsPadding ? width - signText.length : 0);
  if (zero && !align && !grouping) return pad(signText, body, width, fill ?? '0', '=');
  return pad(signText, body, width, fill ?? (zero ? '0' : ' '), align ?? '>');
}

/** Python's thousands separators in the integer part, with zero padding grouped too. */
function groupDigits(body: string, separator: string, zeroWidth: number): string {
  const [, integer, rest] = /^(\d*)(.*)$/s.exec(body)!;
  let count = integer.length;
  while (count + Math.floor((count - 1) / 3) + rest.length < zeroWidth) count++;
  const digits = integer.padStart(count, '0');
  return `${digits.replace(/\B(?=(\d{3})+$)/g, separator)}${rest}`;
}

function pad(sign: string, body: string, width: number, fill: string, align: string): string {
  const missing = width - sign.length - body.length;
  if (missing <= 0) return sign + body;
  if (align === '=') return sign + fill.repeat(missing) + body;
  if (align === '<') return sign + body + fill.repeat(missing);
  if (align === '^') return fill.repeat(Math.floor(missing / 2)) + sign + body + fill.repeat(Math.ceil(missing / 2));
  return fill.repeat(missing) + sign + body;
}
