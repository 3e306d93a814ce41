/**
 * Python's `str.format` for the fields ModelCheckpoint file names use: `{epoch:02d}`,
 * `{val_loss:.4f}`, `{name}`, with fill, alignment, sign, width, zero padding, precision and the
 * types d, f, e, g, % and s.
 *
 * @throws Error naming a field that has no value
 */
export function pythonFormat(template: string, values: Record<string, number | string>): string {
  return template.replace(/\{\{|\}\}|\{([^{}:!]+)(?::([^{}]*))?\}/g, (match, name: string | undefined, spec: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = values[name!];
    if (value === undefined) throw new Error(`Expected a value for "{${name}}" in the file name template "${template}", received keys [${Object.keys(values).join(', ')}]`);
    return formatField(value, spec ?? '');
  });
}

const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(0)?(\d+)?(?:\.(\d+))?([dfeEgGs%])?$/;

function formatField(value: number | string, spec: string): string {
  const parts = SPEC.exec(spec);
  if (!parts) throw new Error(`Expected a Python format spec, received "${spec}"`);
  const [, fillChar, alignChar, sign, zero, widthText, precisionText, type] = parts;
  const width = widthText ? Number(widthText) : 0;
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  let body: string;
  if (typeof value === 'string' || type === 's') body = String(value);
  else {
    const number = value;
    const magnitude = Math.abs(number);
    switch (type) {
      case 'd':
        body = String(Math.trunc(magnitude));
        break;
      case 'f':
        body = magnitude.toFixed(precision ?? 6);
        break;
      case 'e':
      case 'E': {
        const [m, e] = magnitude.toExponential(precision ?? 6).split('e');
        body = `${m}e${e.startsWith('-') ? '-' : '+'}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
        if (type === 'E') body = body.toUpperCase();
        break;
      }
      case '%':
        body = `${(magnitude * 100).toFixed(precision ?? 6)}%`;
        break;
      case 'g':
      case 'G':
        body = String(Number(magnitude.toPrecision(precision ?? 6)));
        break;
      default:
        body = precision === undefined ? String(magnitude) : String(Number(magnitude.toPrecision(precision)));
    }
    const signText = number < 0 ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
    if (zero && !alignChar) return signText + body.padStart(width - signText.length, '0');
    body = signText + body;
  }
  const fill = fillChar ?? ' ';
  const align = alignChar ?? (typeof value === 'number' ? '>' : '<');
  if (body.length >= width) return body;
  const pad = width - body.length;
  if (align === '<') return body + fill.repeat(pad);
  if (align === '^') return fill.repeat(Math.floor(pad / 2)) + body + fill.repeat(Math.ceil(pad / 2));
  return fill.repeat(pad) + body;
}
