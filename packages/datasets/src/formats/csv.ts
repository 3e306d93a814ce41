/** Numeric rows of a CSV file; rows that are not all numbers (headers) are skipped. */
export function parseNumericCsv(text: string, fileName: string): number[][] {
  const rows: number[][] = [];
  let width: number | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    const numbers = cells.map(Number);
    if (numbers.some((n, i) => Number.isNaN(n) || cells[i] === '')) return;
    if (width !== undefined && numbers.length !== width) {
      throw new Error(`Expected ${width} values on every row of "${fileName}", received ${numbers.length} on line ${index + 1}`);
    }
    width = numbers.length;
    rows.push(numbers);
  });
  if (rows.length === 0) throw new Error(`Expected numeric rows in "${fileName}", received none`);
  return rows;
}
