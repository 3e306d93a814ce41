/** pandas' `read_csv` default `na_values`: cells read as a missing value (NaN). */
const MISSING = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);

/** A decimal number as pandas' float parser reads one (no `0x10`, no `1 2`, no `1_000`); infinities too. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?inf(?:inity)?$/i;

/** A cell's number, NaN for a missing value, or `undefined` when the cell is not a number. */
function cellValue(cell: string): number | undefined {
  if (MISSING.has(cell)) return Number.NaN;
  if (!DECIMAL.test(cell)) return undefined;
  return /inf/i.test(cell) ? (cell.startsWith('-') ? -Infinity : Infinity) : Number(cell);
}

/**
 * Numeric rows of a CSV file, read as pandas' `read_csv` reads a numeric table: the header (a
 * first line with text, as sklearn's count line; lines of column names among the first three, and
 * the lines above them) is passed over; after it every cell must be a decimal number or one of
 * pandas' missing values.
 * Missing values (an empty cell, `NaN`, `NA`, …) are kept as NaN, as pandas keeps them, and
 * reported once per file with a warning; a cell pandas would not read as a number (`1 2`, `0x10`)
 * is refused with its line and column.
 *
 * @param text the file's text
 * @param fileName for messages
 * @returns one array of numbers per data row
 * @throws Error naming the file, line and column of a cell that is not a number, a row of
 *   another width than the column names or the first row, or a file without numeric rows
 * @example
 * ```ts
 * parseNumericCsv('a,b\n1,2\n3,\n', 't.csv'); // [[1, 2], [3, NaN]] and a warning about line 3
 * ```
 */
export function parseNumericCsv(text: string, fileName: string): number[][] {
  const lines = text.split(/\r?\n/).map((line, index) => ({ line, index })).filter(({ line }) => line.trim() !== '');
  const parsed = lines.map(({ line, index }) => {
    const cells = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    return { cells, numbers: cells.map(cellValue), lineNumber: index + 1 };
  });
  // The header: the first line when it has text (sklearn's count line `150,4,setosa,…`), lines of
  // names only, and any line before a line of names (the count line `506,13,,,` above Boston's
  // column names). A data row with an empty cell or a stray word is never taken for one.
  const isNames = ({ numbers }: (typeof parsed)[number]) => numbers.some((value) => value === undefined) && numbers.every((value) => value === undefined || Number.isNaN(value));
  const lastNames = Math.max(-1, ...[0, 1, 2].filter((row) => row < parsed.length && isNames(parsed[row])));
  let headerRows = lastNames + 1;
  if (headerRows === 0 && parsed.length > 0 && parsed[0].numbers.some((value) => value === undefined)) headerRows = 1;
  const rows: number[][] = [];
  const missing: string[] = [];
  let missingCount = 0;
  // The column names (else the first data row) fix the width. pandas pads a short row with NaN;
  // a file cut mid-row would then train on a made-up target, so any other width is refused.
  let width = lastNames >= 0 ? parsed[lastNames].cells.length : undefined;
  for (const { cells, numbers, lineNumber } of parsed.slice(headerRows)) {
    const firstBad = numbers.findIndex((value) => value === undefined);
    if (firstBad >= 0) throw new Error(`Expected a number in "${fileName}" at line ${lineNumber}, column ${firstBad + 1}, received ${JSON.stringify(cells[firstBad])}`);
    width ??= numbers.length;
    if (numbers.length !== width) throw new Error(`Expected ${width} values on every row of "${fileName}", received ${numbers.length} on line ${lineNumber}`);
    numbers.forEach((value, column) => {
      if (!Number.isNaN(value)) return;
      missingCount++;
      if (missing.length < 3) missing.push(`line ${lineNumber} column ${column + 1}`);
    });
    rows.push(numbers as number[]);
  }
  if (rows.length === 0) throw new Error(`Expected numeric rows in "${fileName}", received none`);
  if (missingCount > 0) {
    console.warn(`"${fileName}" has ${missingCount} missing value${missingCount === 1 ? '' : 's'} (empty or NaN), kept as NaN as pandas keeps them: ${missing.join(', ')}${missingCount > missing.length ? ', …' : ''}`);
  }
  return rows;
}
