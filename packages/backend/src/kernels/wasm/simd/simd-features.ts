import { simdFunction } from './simd-function';
import { V128, encodeSimdModule, op } from './simd-module';

/** The smallest module using relaxed SIMD: one `f32x4.relaxed_madd`. */
const RELAXED_PROBE = encodeSimdModule([
  simdFunction('probe', { params: {}, locals: { a: V128, b: V128, c: V128 } }, ({ a, b, c }) => [
    op.get(a), op.get(b), op.get(c), op.f32x4RelaxedMadd, op.set(a),
  ]),
]);

let detected: boolean | undefined;
let forced: boolean | undefined;

/**
 * Whether the runtime validates relaxed SIMD (fused multiply-add), probed once with a one-instruction
 * module: Chrome ≥ 114 and Node ≥ 22 do; Node 20 only with `--experimental-wasm-relaxed-simd`.
 */
export function relaxedSimdSupported(): boolean {
  detected ??= WebAssembly.validate(RELAXED_PROBE);
  return detected;
}

/** Whether Dendrite's SIMD kernels use relaxed SIMD now: the forced choice, else what the runtime supports. */
export function relaxedSimdEnabled(): boolean {
  return forced ?? relaxedSimdSupported();
}

/**
 * Forces the plain (`false`) or the relaxed (`true`) SIMD kernels, or goes back to detection
 * (`undefined`). For tests and benchmarks: forcing relaxed SIMD on a runtime without it makes the
 * kernels fall back to their stock or JavaScript paths.
 *
 * @example
 * ```ts
 * forceRelaxedSimd(false); // the plain f32x4.mul + f32x4.add path
 * ```
 */
export function forceRelaxedSimd(enabled: boolean | undefined): void {
  forced = enabled;
}
