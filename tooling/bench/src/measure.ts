/** Timing for the benchmark harness (never for tests: this machine is noisy). */

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Untimed runs first, so caches, XNNPACK operators and JITs are warm. */
  warmup?: number;
  /** Timed runs at the least. */
  minRuns?: number;
  /** Keep running until this many milliseconds have passed. */
  minMilliseconds?: number;
}

/**
 * Runs `body` repeatedly and returns the median milliseconds of one run. `body` must finish its
 * work before returning (read a value back), so that asynchronous backends are timed whole.
 */
export async function measure(body: () => unknown | Promise<unknown>, options: MeasureOptions = {}): Promise<number> {
  const { warmup = 3, minRuns = 5, minMilliseconds = 1000 } = options;
  for (let i = 0; i < warmup; i++) await body();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMilliseconds) {
    const before = performance.now();
    await body();
    times.push(performance.now() - before);
  }
  return median(times);
}

/** The median of `values` (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Formats a table of rows with aligned columns. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
