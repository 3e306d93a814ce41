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

/** The V8 flag behind which Node 20 (V8 11.3) keeps relaxed SIMD. */
export const RELAXED_SIMD_V8_FLAG = '--experimental-wasm-relaxed-simd';

interface NodeV8 {
  setFlagsFromString(flags: string): void;
}

/**
 * Turns on Node 20's relaxed SIMD flag at run time: V8 reads its wasm feature flags at every
 * validation and compilation, so modules compiled afterwards may use the fused multiply-add (a
 * dense product is ≈ 18 % faster with it on this AVX2 machine). Nothing happens outside Node or where
 * `process.getBuiltinModule` (Node ≥ 20.16) is missing; `node:v8` is not imported, so that bundles
 * for pages stay free of it. The flag only adds instructions a module may use: no module that
 * validated before changes meaning.
 */
function enableNodeRelaxedSimdFlag(): void {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const v8 = nodeProcess?.getBuiltinModule?.('node:v8') as NodeV8 | undefined;
  v8?.setFlagsFromString(RELAXED_SIMD_V8_FLAG);
}

/**
 * Whether the runtime validates relaxed SIMD (fused multiply-add), probed once with a one-instruction
 * module: Chrome ≥ 114 and Node ≥ 22 do; Node 20 behind `--experimental-wasm-relaxed-simd`, which
 * is turned on here at the first probe when the runtime refuses the module without it.
 */
export function relaxedSimdSupported(): boolean {
  if (detected === undefined) {
    detected = WebAssembly.validate(RELAXED_PROBE);
    if (!detected) {
      enableNodeRelaxedSimdFlag();
      detected = WebAssembly.validate(RELAXED_PROBE);
    }
  }
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
