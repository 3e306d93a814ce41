import { describe, expect, it } from 'vitest';
import { formatValueWithSpec, pythonFormat } from './python-format';

// Expected strings printed by CPython 3.
describe('pythonFormat', () => {
  it('fills ModelCheckpoint templates: ints as bigint, floats as number', () => {
    expect(pythonFormat('weights.{epoch:02d}-{val_loss:.4f}.h5', { epoch: 3n, val_loss: 0.123456 })).toBe('weights.03-0.1235.h5');
    expect(pythonFormat('{epoch:03d}-{val_accuracy:.2f}', { epoch: 7n, val_accuracy: 0.98765 })).toBe('007-0.99');
    expect(pythonFormat('{epoch}-{loss}', { epoch: 12n, loss: 1 })).toBe('12-1.0');
  });

  it('takes conversions, alignment and literal braces', () => {
    expect(pythonFormat('{epoch:02d}-{val_loss:.4f}|{x!r:>6}|{s!r}|{s:^7}|{{lit}}', { epoch: 3n, val_loss: 0.123456, x: 0.5, s: 'ab' })).toBe("03-0.1235|   0.5|'ab'|  ab   |{lit}");
  });

  it('throws naming the missing field, a lone brace or a bad field', () => {
    expect(() => pythonFormat('{missing}', { loss: 1 })).toThrow('Expected a value for "{missing}" in the template "{missing}", received keys [loss]');
    expect(() => pythonFormat('a}b', {})).toThrow("Expected '}}' for a literal brace in the template \"a}b\", received a single '}' at position 1");
    expect(() => pythonFormat('{epoch', { epoch: 1n })).toThrow(/Expected '}' to close the field at position 0/);
    expect(() => pythonFormat('{}', {})).toThrow(/Expected a named field such as \{epoch:02d\}/);
    expect(() => pythonFormat('{constructor}', {})).toThrow(/Expected a value for "\{constructor\}"/);
  });
});

describe('formatValueWithSpec', () => {
  it.each([
    [0.25, '.1%', '25.0%'],
    [0.00012, '.1e', '1.2e-04'],
    [-1.5, '+08.3f', '-001.500'],
    [-0, '.2f', '-0.00'],
    [-0, 'z.2f', '0.00'],
    [-0.004, 'z.2f', '0.00'],
    [1234567, ',.2f', '1,234,567.00'],
    [1234.5, '010,.1f', '0,001,234.5'],
    [3, '#.0f', '3.'],
    [Infinity, '08.2f', '00000inf'],
    [Number.NaN, '.4f', 'nan'],
    [1e16, '', '1e+16'],
    [0.5, 'E', '5.000000E-01'],
    [0.1234, 'x<8.3f', '0.123xxx'],
    [1234n, '08,d', '0,001,234'],
    [-42n, '=+6d', '-   42'],
    [7, '02d', '07'],
    ['abc', 'x>5', 'xxabc'],
    ['abcdef', '.3', 'abc'],
  ] as const)('format(%s, %j) is %j', (value, spec, expected) => {
    expect(formatValueWithSpec(value, spec)).toBe(expected);
  });

  it('refuses specs Python refuses', () => {
    expect(() => formatValueWithSpec(0.5, 'd', 'loss')).toThrow("Expected an integer for the type 'd' for {loss:d}, received number 0.5");
    expect(() => formatValueWithSpec(0.5, 's', 'loss')).toThrow("Expected a string for the type 's' for {loss:s}, received number 0.5");
    expect(() => formatValueWithSpec('ab', '+5', 'name')).toThrow(/Expected a number for sign/);
    expect(() => formatValueWithSpec(1, '.2q', 'x')).toThrow('Expected a Python format spec ([[fill]align][sign][0][width][,][.precision][type]) for {x}, received ".2q"');
  });
});
