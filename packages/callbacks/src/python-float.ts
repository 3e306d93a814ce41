/**
 * Python's float formatting (`repr`, `'%.4f'`, `'%.4e'`, `'g'`), exact: digits come from the
 * binary value with round-half-even, as CPython does, where `toFixed` would round ties up.
 */

/** |x| as `digits / 10^scale`, exactly (every finite double is a finite decimal). */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  if (exponent >= 0) return { digits: mantissa << BigInt(exponent), scale: 0 };
  // m · 2^-k = m · 5^k / 10^k
  return { digits: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
}

/** `digits / 10^drop`, rounded half to even (a negative `drop` appends zeros). */
function roundDigits(digits: bigint, drop: number): bigint {
  if (drop <= 0) return digits * 10n ** BigInt(-drop);
  const divisor = 10n ** BigInt(drop);
  const quotient = digits / divisor;
  const twice = (digits % divisor) * 2n;
  return twice > divisor || (twice === divisor && quotient % 2n === 1n) ? quotient + 1n : quotient;
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'nan' : 'inf';
}

/**
 * |x| with `precision` decimals, as Python's `'%.Nf'` (no sign; `inf`/`nan` for those).
 *
 * @example `fixedDigits(0.125, 2) === '0.12'` (half to even, where `toFixed` gives `'0.13'`)
 */
export function fixedDigits(x: number, precision: number, alternate = false): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const { digits, scale } = exactDecimal(x);
  const text = roundDigits(digits, scale - precision).toString().padStart(precision + 1, '0');
  if (precision === 0) return alternate ? `${text}.` : text;
  return `${text.slice(0, -precision)}.${text.slice(-precision)}`;
}

/** |x| rounded to `significant` digits: the digits and the decimal exponent of the first one. */
function significantDigits(x: number, significant: number): { text: string; exponent: number } {
  if (x === 0) return { text: '0'.repeat(significant), exponent: 0 };
  const { digits, scale } = exactDecimal(x);
  const length = digits.toString().length;
  let exponent = length - 1 - scale;
  let rounded = roundDigits(digits, length - significant).toString();
  if (rounded.length > significant) {
    rounded = rounded.slice(0, significant);
    exponent += 1;
  }
  return { text: rounded, exponent };
}

function exponentSuffix(exponent: number): string {
  return `e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** |x| as Python's `'%.Ne'`: `1.2340e-05` (no sign). */
export function exponentDigits(x: number, precision: number, alternate = false): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const { text, exponent } = significantDigits(x, precision + 1);
  const point = precision > 0 || alternate ? '.' : '';
  return `${text[0]}${point}${text.slice(1)}${exponentSuffix(exponent)}`;
}

function stripZeros(text: string, keepOne: boolean): string {
  const [mantissa, suffix = ''] = text.split('e');
  if (!mantissa.includes('.')) return text;
  let stripped = mantissa.replace(/0+$/, '');
  if (stripped.endsWith('.')) stripped = keepOne && !suffix ? `${stripped}0` : stripped.slice(0, -1);
  return suffix ? `${stripped}e${suffix}` : stripped;
}

/**
 * |x| as Python's general format: `'g'` with `precision` (6), or, with `noType`, the format a
 * float gets from `'{:.3}'` — like `'g'` but with a digit after the point in fixed notation.
 */
export function generalDigits(x: number, precision: number | undefined, options: { noType?: boolean; alternate?: boolean } = {}): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (options.noType && precision === undefined) return pythonRepr(Math.abs(x));
  const significant = Math.max(precision ?? 6, 1);
  const { exponent } = significantDigits(x, significant);
  const fixed = options.noType ? exponent >= -4 && exponent < significant - 1 : exponent >= -4 && exponent < significant;
  const text = fixed ? fixedDigits(x, significant - 1 - exponent, options.alternate) : exponentDigits(x, significant - 1, options.alternate);
  return options.alternate ? text : stripZeros(text, options.noType === true);
}

/**
 * Python's `repr(float)`: the shortest digits that read back to `x`, in fixed notation for
 * exponents −4…15 (`0.0001`, `1.0`, `1234.5`) and scientific otherwise (`1e-05`, `1.5e+16`).
 */
export function pythonRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mantissa, exponentText] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}${exponentSuffix(exponent)}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
}
