/** Float64 references for the activation tests (internal: not part of `@dendrite/layers/testing`). */

/** The logistic sigmoid in float64, stable at both ends. */
export function sigmoidReference(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** `log(1 + exp(x))` in float64, stable at both ends. */
export function softplusReference(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** erf in float64 by Simpson's rule on 2/√π·exp(−t²) (error below 1e-10), for references. */
export function erfReference(x: number): number {
  const upper = Math.min(Math.abs(x), 10);
  const steps = 4000;
  const h = upper / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const weight = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * Math.exp(-((i * h) ** 2));
  }
  return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * (h / 3) * sum;
}
