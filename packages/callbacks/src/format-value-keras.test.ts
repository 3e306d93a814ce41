import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, formatPerStep, formatValue } from './format-value';

// Expected strings from Keras 3's Progbar formulas run in CPython 3.11 (`f'{v:.4f}' if abs(v) > 1e-3
// else f'{v:.4e}'`, `'%d:%02d:%02d'` past 3600 s, `'%d:%02d'` past 60 s, `_format_time`).
describe('progress bar formatting at Keras’s boundaries', () => {
  it('switches to the exponent form at |value| ≤ 1e-3, keeping the sign of −0', () => {
    expect([-0, -0.0005, 0.0010000001, -0.001, 1e-300].map(formatValue)).toEqual(['-0.0000e+00', '-5.0000e-04', '0.0010', '-1.0000e-03', '1.0000e-300']);
  });

  it('prints minutes from just past 60 s and hours from just past 3600 s, truncating', () => {
    expect([3600, 3600.5, 60.5, 59.99, 7199.9, 0].map(formatDuration)).toEqual(['60:00', '1:00:00', '1:00', '59s', '1:59:59', '0s']);
    expect(formatDuration(-3)).toBe('0s');
  });

  it('prints the time per step in s from 1 s, ms from 1 ms, us below, rounding half to even', () => {
    expect([1, 0.999, 0.001, 0.000999, 0.0015, 2.5, 0.0000005].map((seconds) => formatPerStep(seconds))).toEqual([
      '1s/step', '999ms/step', '1ms/step', '999us/step', '2ms/step', '2s/step', '0us/step',
    ]);
    expect(formatPerStep(-1)).toBe('0s/step');
    expect(formatElapsed(-0.5)).toBe('0s');
  });
});
