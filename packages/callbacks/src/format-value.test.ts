import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, formatPerStep, formatValue } from './format-value';

describe('progress bar formatting (Keras’s Progbar)', () => {
  it('prints values with 4 decimals above 1e-3 and in exponent form otherwise', () => {
    expect(formatValue(0.1759)).toBe('0.1759');
    expect(formatValue(0.94664)).toBe('0.9466');
    expect(formatValue(-2.5)).toBe('-2.5000');
    expect(formatValue(0.00001234)).toBe('1.2340e-05');
    expect(formatValue(0.001)).toBe('1.0000e-03');
    expect(formatValue(0)).toBe('0.0000e+00');
    expect(formatValue(1234567.891)).toBe('1234567.8910');
    expect(formatValue(Number.NaN)).toBe('nan');
    expect(formatValue(-Infinity)).toBe('-inf');
  });

  it('prints the ETA truncated, with minutes and hours past 60 s and 3600 s', () => {
    expect(formatDuration(3.9)).toBe('3s');
    expect(formatDuration(60)).toBe('60s');
    expect(formatDuration(65.9)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('prints elapsed seconds rounded half to even and the time per step in s, ms or us', () => {
    expect(formatElapsed(1.875)).toBe('2s');
    expect(formatElapsed(2.5)).toBe('2s');
    expect(formatElapsed(125.2)).toBe('125s');
    expect(formatPerStep(0.005)).toBe('5ms/step');
    expect(formatPerStep(0.00012)).toBe('120us/step');
    expect(formatPerStep(2.4)).toBe('2s/step');
    expect(formatPerStep(0)).toBe('0s/step');
    expect(formatPerStep(0.5, 'sample')).toBe('500ms/sample');
  });
});
