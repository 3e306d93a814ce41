import { describe, expect, it } from 'vitest';
import { exponentDigits, fixedDigits, generalDigits, pythonRepr } from './python-float';

// Expected strings printed by CPython 3 (format(value, spec) / repr(value)).
describe('pythonRepr', () => {
  it.each([
    [0.5, '0.5'],
    [1, '1.0'],
    [1e-5, '1e-05'],
    [1.5e16, '1.5e+16'],
    [1e16, '1e+16'],
    [0.0001, '0.0001'],
    [0.00001234, '1.234e-05'],
    [-0, '-0.0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e15, '1000000000000000.0'],
    [123456789012345678, '1.2345678901234568e+17'],
    [Number.NaN, 'nan'],
    [-Infinity, '-inf'],
  ])('repr(%s) is %s', (value, expected) => {
    expect(pythonRepr(value)).toBe(expected);
  });
});

describe('fixed, exponent and general digits', () => {
  it('round half to even on the exact binary value, as CPython', () => {
    expect(fixedDigits(0.125, 2)).toBe('0.12'); // toFixed gives 0.13
    expect(fixedDigits(0.375, 2)).toBe('0.38');
    expect(fixedDigits(2.5, 0)).toBe('2');
    expect(fixedDigits(3.5, 0)).toBe('4');
    expect(fixedDigits(1.005, 2)).toBe('1.00'); // 1.005 is 1.00499999…
    expect(fixedDigits(0.1, 20)).toBe('0.10000000000000000555');
    expect(fixedDigits(3, 0, true)).toBe('3.');
  });

  it('writes exponents with at least two digits and carries into them', () => {
    expect(exponentDigits(0.00001234, 4)).toBe('1.2340e-05');
    expect(exponentDigits(9.99995, 4)).toBe('1.0000e+01');
    expect(exponentDigits(1e-300, 3)).toBe('1.000e-300');
    expect(exponentDigits(5e-324, 6)).toBe('4.940656e-324');
    expect(exponentDigits(Number.MAX_VALUE, 3)).toBe('1.798e+308');
    expect(exponentDigits(0, 2)).toBe('0.00e+00');
  });

  it('switches notation and strips zeros as g and the no-type format do', () => {
    expect(generalDigits(0, undefined)).toBe('0');
    expect(generalDigits(0.5, undefined, { alternate: true })).toBe('0.500000');
    expect(generalDigits(123456.789, 3, { noType: true })).toBe('1.23e+05');
    expect(generalDigits(1234.5, 4, { noType: true })).toBe('1.234e+03');
    expect(generalDigits(12, 3, { noType: true })).toBe('12.0');
    expect(generalDigits(1e-5, 3, { noType: true })).toBe('1e-05');
    expect(generalDigits(1234.5, 4)).toBe('1234');
  });
});
