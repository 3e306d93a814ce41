import { describe, expect, it } from 'vitest';
import { pythonRepr } from './python-float';
import { type PythonFormatValue, formatValueWithSpec } from './python-format';
import cases from './testing/cpython-format-cases.json';

/**
 * 560 cases printed by CPython 3.11.2 (`repr(x)` and `format(value, spec)`), from a seeded
 * generator: every spec option (fill, align, sign, z, #, 0, width, grouping, precision, type) at
 * random on floats of every magnitude (random bit patterns, ties, subnormals, ±0, inf, nan),
 * ints and strings; specs Python refuses were left out. `kind`: 'repr', 'f' (a float: number),
 * 'i' (an int: bigint) or 's' (a str).
 */
const table = cases as Array<[kind: 'repr' | 'f' | 'i' | 's', value: number | string, spec: string, expected: string]>;

function decode(kind: string, value: number | string): PythonFormatValue {
  if (kind === 'i') return BigInt(value);
  if (kind === 's') return value;
  return typeof value === 'number' ? value : { nan: Number.NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 }[value as 'nan' | 'inf' | '-inf' | '-0'];
}

describe('python-float and python-format against CPython', () => {
  it('repr(x) as CPython for 109 floats', () => {
    const reprs = table.filter(([kind]) => kind === 'repr');
    expect(reprs.length).toBeGreaterThan(100);
    const wrong = reprs.filter(([kind, value, , expected]) => pythonRepr(decode(kind, value) as number) !== expected);
    expect(wrong).toEqual([]);
  });

  it('format(value, spec) as CPython for 451 random specs', () => {
    const formats = table.filter(([kind]) => kind !== 'repr');
    expect(formats.length).toBeGreaterThan(400);
    const wrong = formats
      .map(([kind, value, spec, expected]) => [kind, value, spec, expected, attempt(() => formatValueWithSpec(decode(kind, value), spec))])
      .filter(([, , , expected, received]) => expected !== received);
    expect(wrong).toEqual([]);
  });

  it('pads a string with the 0 flag and groups explicit zero padding, as CPython ≥ 3.10 (two bugs the table found)', () => {
    // format('ab', '05') == 'ab000'; format('', '0') == ''; format(163.081, '0=15_.3f') == '000_000_163.081'.
    expect(formatValueWithSpec('ab', '05')).toBe('ab000');
    expect(formatValueWithSpec('', '0')).toBe('');
    expect(formatValueWithSpec(163.081, '0=15_.3f')).toBe('000_000_163.081');
    expect(formatValueWithSpec(-2.5, '=010,.1f')).toBe('-000,002.5');
    expect(formatValueWithSpec(2.5, '*=10,.1f')).toBe('*******2.5');
  });
});

function attempt(format: () => string): string {
  try {
    return format();
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}
