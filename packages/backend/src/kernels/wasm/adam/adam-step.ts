/** The smallest normal float32, 2⁻¹²⁶: Adam's slots and steps below it in magnitude are flushed to zero. */
export const FLOAT32_MIN_NORMAL = 2 ** -126;

/** `x`, or +0 when `x` is subnormal (NaN is kept). */
function flush(x: number): number {
  return Math.abs(x) < FLOAT32_MIN_NORMAL ? 0 : x;
}

/** The numbers of one Adam step, shared by every variable of the step. */
export interface AdamStepAttributes {
  /** The step size with both bias corrections folded in: `η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)`. */
  alpha: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * One Adam update of flat arrays, in one pass: `m ← m + (g − m)(1 − β₁)`,
 * `v ← v + (g² − v)(1 − β₂)`, `w ← w − α·m / (√v + ε)` — Keras 3's form, ε outside the corrected
 * root. The outputs may be the inputs (an update in place).
 *
 * The new slots and the step `α·m` are flushed to zero where subnormal, as TensorFlow's CPU
 * kernels run in flush-to-zero mode: a momentum that decays geometrically — that of a weight whose
 * gradient is mostly zero, such as a rarely lit MNIST pixel's — would otherwise pass through
 * subnormal floats for hundreds of steps, on which x86 arithmetic is ~25× slower.
 *
 * @param variable the variable's values
 * @param gradient its gradient, of the same length
 * @param momentum the first-moment slot `m`
 * @param velocity the second-moment slot `v`
 * @param out where the updated variable, momentum and velocity go
 * @param attributes the step's α, β₁, β₂ and ε
 * @example
 * ```ts
 * adamStep(w, g, m, v, { variable: w, momentum: m, velocity: v }, { alpha: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
 * ```
 */
export function adamStep(
  variable: Float32Array,
  gradient: Float32Array,
  momentum: Float32Array,
  velocity: Float32Array,
  out: { variable: Float32Array; momentum: Float32Array; velocity: Float32Array },
  attributes: AdamStepAttributes,
): void {
  // The constants as the float32 scalars the op-by-op update multiplies by.
  const keepGradient = Math.fround(1 - attributes.beta1);
  const keepSquare = Math.fround(1 - attributes.beta2);
  const alpha = Math.fround(attributes.alpha);
  const epsilon = Math.fround(attributes.epsilon);
  const { variable: variableOut, momentum: momentumOut, velocity: velocityOut } = out;
  const size = variable.length;
  const f = Math.fround;
  // Rounded to float32 after every operation, in the op-by-op order: the same numbers as the
  // unfused update and as the SIMD kernel.
  for (let i = 0; i < size; i++) {
    const g = gradient[i];
    const m0 = momentum[i];
    const v0 = velocity[i];
    const m = flush(f(m0 + f(f(g - m0) * keepGradient)));
    const v = flush(f(v0 + f(f(f(g * g) - v0) * keepSquare)));
    momentumOut[i] = m;
    velocityOut[i] = v;
    variableOut[i] = variable[i] - f(flush(f(m * alpha)) / f(f(Math.sqrt(v)) + epsilon));
  }
}
