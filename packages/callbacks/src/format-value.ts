import { exponentDigits, fixedDigits } from './python-float';

/**
 * A logged number as Keras's progress bar prints it: `'%.4f'` when |value| > 1e-3, else
 * `'%.4e'` (so `0.1759`, `-2.5000`, `1.2340e-05`, `0.0000e+00`, `nan`, `inf`).
 *
 * @example `formatValue(0.00001234) === '1.2340e-05'`
 */
export function formatValue(value: number): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + (Math.abs(value) > 1e-3 ? fixedDigits(value, 4) : exponentDigits(value, 4));
}

/**
 * A remaining time as Keras's `ETA:` prints it, truncating: `3s`, `1:05`, `1:02:03`.
 *
 * @example `formatDuration(65.9) === '1:05'`
 */
export function formatDuration(seconds: number): string {
  const eta = Math.max(0, seconds);
  const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
  if (eta > 3600) return `${Math.floor(eta / 3600)}:${two((eta % 3600) / 60)}:${two(eta % 60)}`;
  if (eta > 60) return `${Math.floor(eta / 60)}:${two(eta % 60)}`;
  return `${Math.floor(eta)}s`;
}

/** An elapsed time as the finished progress line prints it: `'%.0fs'`, so `2s`, `125s`. */
export function formatElapsed(seconds: number): string {
  return `${fixedDigits(Math.max(0, seconds), 0)}s`;
}

/**
 * Time per step as Keras prints it: `5ms/step`, `120us/step`, `2s/step` (and `0s/step` for 0).
 *
 * @param seconds - the time one step takes
 * @param unit - what a step is called (`'step'`)
 */
export function formatPerStep(seconds: number, unit = 'step'): string {
  if (seconds >= 1 || seconds <= 0) return `${fixedDigits(Math.max(0, seconds), 0)}s/${unit}`;
  if (seconds >= 1e-3) return `${fixedDigits(seconds * 1e3, 0)}ms/${unit}`;
  return `${fixedDigits(seconds * 1e6, 0)}us/${unit}`;
}
