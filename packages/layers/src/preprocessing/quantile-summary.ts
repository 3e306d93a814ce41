/**
 * Keras's approximate quantiles for `Discretization.adapt`: a summary is two rows, values and
 * their weights (counts), merged batch by batch and compressed to about `1/epsilon` columns.
 * Same steps as Keras (`summarize`, `merge_summaries`, `compress_summary`), in float32 where
 * Keras casts, so boundaries match.
 */

/** Values (sorted) and their weights. */
export interface QuantileSummary {
  values: number[];
  weights: number[];
}

/** The summary of no data. */
export function emptySummary(): QuantileSummary {
  return { values: [], weights: [] };
}

/** NumPy's `arange(0, 1, step)`: `ceil(1 / step)` values `i·step`. */
function arange(step: number): number[] {
  return Array.from({ length: Math.ceil(1 / step) }, (_, index) => index * step);
}

/** NumPy's `interp`: piecewise linear, clamped to the end values. */
function interp(points: readonly number[], xs: readonly number[], ys: readonly number[]): number[] {
  return points.map((point) => {
    if (point <= xs[0]) return ys[0];
    if (point >= xs[xs.length - 1]) return ys[ys.length - 1];
    let low = 0;
    let high = xs.length - 1;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (xs[middle] <= point) low = middle;
      else high = middle;
    }
    const span = xs[high] - xs[low];
    return span === 0 ? ys[low] : ys[low] + ((point - xs[low]) * (ys[high] - ys[low])) / span;
  });
}

/** Keras's `summarize`: sorted values taken every `n·epsilon` from `n·epsilon`, each weighing that step. */
export function summarize(values: readonly number[], epsilon: number): QuantileSummary {
  const sorted = Float32Array.from(values).sort();
  const increment = sorted.length / (1 / epsilon);
  const start = Math.trunc(increment);
  const step = Math.max(increment, 1);
  const picked: number[] = [];
  for (let index = start; index < sorted.length; index += Math.trunc(step)) picked.push(sorted[index]);
  return { values: picked, weights: picked.map(() => step) };
}

/** Keras's `compress_summary`: about `1/epsilon` columns interpolated on the cumulative weights. */
export function compressSummary(summary: QuantileSummary, epsilon: number): QuantileSummary {
  if (summary.values.length * epsilon < 1) return summary;
  const percents = arange(epsilon).map((value) => value + epsilon);
  const cumulative: number[] = [];
  summary.weights.reduce((sum, weight) => (cumulative.push(sum + weight), sum + weight), 0);
  const total = cumulative[cumulative.length - 1];
  const cumulativePercents = cumulative.map((weight) => weight / total);
  const values = interp(percents, cumulativePercents, summary.values);
  const weightsAt = interp(percents, cumulativePercents, cumulative);
  const weights = weightsAt.map((weight, index) => weight - (index === 0 ? 0 : weightsAt[index - 1]));
  return { values: Array.from(Float32Array.from(values)), weights: Array.from(Float32Array.from(weights)) };
}

/** Keras's `merge_summaries`: both summaries' columns sorted by value, then compressed. */
export function mergeSummaries(first: QuantileSummary, second: QuantileSummary, epsilon: number): QuantileSummary {
  const columns = [...first.values.map((value, index) => [value, first.weights[index]]), ...second.values.map((value, index) => [value, second.weights[index]])];
  columns.sort((a, b) => a[0] - b[0]);
  return compressSummary({ values: columns.map(([value]) => value), weights: columns.map(([, weight]) => weight) }, epsilon);
}

/** Keras's `get_bin_boundaries`: the summary compressed to `numBins` columns, last one dropped. */
export function binBoundariesOf(summary: QuantileSummary, numBins: number): number[] {
  return compressSummary(summary, 1 / numBins).values.slice(0, -1);
}
