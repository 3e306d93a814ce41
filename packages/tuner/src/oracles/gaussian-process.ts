/**
 * The small Gaussian process KerasTuner's Bayesian optimization fits: a Matérn ν = 5/2 kernel of
 * length scale 1 on points in the unit cube, targets standardized, `alpha` added to the diagonal,
 * solved by Cholesky on plain Float64Arrays (a few dozen points: no tensors needed).
 */

/** Matérn 5/2 between two points: (1 + √5·d + 5d²/3)·exp(−√5·d). */
export function maternKernel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let squared = 0;
  for (let i = 0; i < a.length; i++) squared += (a[i] - b[i]) ** 2;
  const scaled = Math.sqrt(5) * Math.sqrt(squared);
  return (1 + scaled + (scaled * scaled) / 3) * Math.exp(-scaled);
}

/** Lower Cholesky factor of a symmetric positive-definite n×n matrix (row-major). */
export function cholesky(matrix: Float64Array, n: number): Float64Array {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError(`Expected a positive-definite kernel matrix, received pivot ${sum} at row ${i}`);
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j];
      }
    }
  }
  return lower;
}

/** Solves L·x = b for lower-triangular L. */
function forwardSolve(lower: Float64Array, b: Float64Array, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}

/** Solves Lᵀ·x = b for lower-triangular L. */
function backwardSolve(lower: Float64Array, b: Float64Array, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}

/**
 * A Gaussian process regressor: `fit(x, y)` then `predict(point)` gives the posterior mean and
 * standard deviation, in the units of y.
 *
 * @example
 * ```ts
 * const gp = new GaussianProcess(1e-4).fit([[0], [1]], [0, 1]);
 * const { mean, std } = gp.predict([0.5]);
 * ```
 */
export class GaussianProcess {
  private points: number[][] = [];
  private lower: Float64Array = new Float64Array(0);
  private weights: Float64Array = new Float64Array(0);
  private yMean = 0;
  private yStd = 1;

  /** @param alpha noise added to the kernel's diagonal (KerasTuner's 1e-4) */
  constructor(readonly alpha = 1e-4) {}

  /**
   * Conditions on observations.
   *
   * @throws RangeError for no points or mismatched lengths
   */
  fit(points: number[][], targets: number[]): this {
    const n = points.length;
    if (n === 0 || targets.length !== n) throw new RangeError(`Expected as many targets as points (at least one), received ${targets.length} and ${n}`);
    this.points = points.map((point) => [...point]);
    this.yMean = targets.reduce((sum, value) => sum + value, 0) / n;
    const variance = targets.reduce((sum, value) => sum + (value - this.yMean) ** 2, 0) / n;
    this.yStd = variance > 0 ? Math.sqrt(variance) : 1;
    const kernel = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) kernel[i * n + j] = maternKernel(points[i], points[j]) + (i === j ? this.alpha : 0);
    this.lower = cholesky(kernel, n);
    const standardized = Float64Array.from(targets, (value) => (value - this.yMean) / this.yStd);
    this.weights = backwardSolve(this.lower, forwardSolve(this.lower, standardized, n), n);
    return this;
  }

  /** Posterior mean and standard deviation at a point. */
  predict(point: ArrayLike<number>): { mean: number; std: number } {
    const n = this.points.length;
    const cross = Float64Array.from(this.points, (trained) => maternKernel(point, trained));
    let mean = 0;
    for (let i = 0; i < n; i++) mean += cross[i] * this.weights[i];
    const v = forwardSolve(this.lower, cross, n);
    let variance = 1;
    for (let i = 0; i < n; i++) variance -= v[i] * v[i];
    return { mean: mean * this.yStd + this.yMean, std: Math.sqrt(Math.max(variance, 0)) * this.yStd };
  }
}
