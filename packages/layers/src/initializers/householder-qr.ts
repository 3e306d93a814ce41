/**
 * The thin QR decomposition of a tall matrix by Householder reflections, in float64.
 *
 * @param matrix `rows × columns` values, row-major, with rows ≥ columns
 * @param rows the number of rows
 * @param columns the number of columns
 * @returns `q`, `rows × columns` with orthonormal columns (row-major), and `rDiagonal`, the
 *   diagonal of R, so that matrix = q · R with R upper triangular
 * @throws Error when rows < columns or the sizes do not match `matrix`
 * @example
 * ```ts
 * const { q, rDiagonal } = householderQr([3, 4], 2, 1); // q ≈ [-0.6, -0.8], rDiagonal ≈ [-5]
 * ```
 */
export function householderQr(matrix: ArrayLike<number>, rows: number, columns: number): { q: Float64Array; rDiagonal: Float64Array } {
  if (rows < columns || matrix.length !== rows * columns) {
    throw new Error(`Expected a tall matrix of ${rows} × ${columns} values with rows ≥ columns in householderQr, received ${matrix.length} values`);
  }
  const r = Float64Array.from(matrix);
  const reflectors: Array<Float64Array | null> = [];
  const rDiagonal = new Float64Array(columns);
  for (let k = 0; k < columns; k++) {
    let normSquared = 0;
    for (let i = k; i < rows; i++) normSquared += r[i * columns + k] ** 2;
    const norm = Math.sqrt(normSquared);
    if (norm === 0) {
      reflectors.push(null);
      continue;
    }
    // Reflect the column onto −sign(x₀)·‖x‖·e₀: the sign that avoids cancellation.
    const alpha = r[k * columns + k] >= 0 ? -norm : norm;
    const v = new Float64Array(rows - k);
    for (let i = k; i < rows; i++) v[i - k] = r[i * columns + k];
    v[0] -= alpha;
    reflect(r, v, k, rows, columns, k);
    rDiagonal[k] = r[k * columns + k];
    reflectors.push(v);
  }
  const q = new Float64Array(rows * columns);
  for (let j = 0; j < columns; j++) q[j * columns + j] = 1;
  for (let k = columns - 1; k >= 0; k--) {
    const v = reflectors[k];
    if (v !== null) reflect(q, v, k, rows, columns, 0);
  }
  return { q, rDiagonal };
}

/** Applies I − 2vvᵀ/(vᵀv), acting on rows k…, to columns `firstColumn`… of `target`, in place. */
function reflect(target: Float64Array, v: Float64Array, k: number, rows: number, columns: number, firstColumn: number): void {
  let vv = 0;
  for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
  if (vv === 0) return;
  const dots = new Float64Array(columns);
  for (let i = k; i < rows; i++) {
    const vi = v[i - k];
    const row = i * columns;
    for (let j = firstColumn; j < columns; j++) dots[j] += vi * target[row + j];
  }
  for (let j = firstColumn; j < columns; j++) dots[j] *= 2 / vv;
  for (let i = k; i < rows; i++) {
    const vi = v[i - k];
    const row = i * columns;
    for (let j = firstColumn; j < columns; j++) target[row + j] -= dots[j] * vi;
  }
}
