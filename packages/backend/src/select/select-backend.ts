import { BACKEND_NAMES, type BackendName, parseBackendPreference } from './backend-names';
import { type CandidateOptions, probeCandidate } from './candidates';
import { defaultRuntimeProbes, type RuntimeProbes } from './runtime-probes';

/** The backend in use and why it was chosen. */
export interface BackendInfo {
  /** Dendrite's name for it. */
  name: BackendName;
  /** The tfjs backend behind it (`tensorflow`, `webgpu`, `webgl`, `wasm`, `cpu`). */
  tfBackend: string;
  /** Whether it computes with CPU SIMD instructions (false on a GPU). */
  simd: boolean;
  /** CPU threads it computes with (1 on a GPU). */
  threads: number;
  /** Why it was chosen: what asked for it, and why each candidate before it was passed over. */
  reason: string;
}

/** Options of {@link selectBackend}. */
export interface SelectBackendOptions extends CandidateOptions {
  /**
   * A backend or an ordered list to try instead of the default order (cuda, native, webgpu, webgl,
   * wasm, cpu). A requested GPU backend is taken on a software renderer too.
   * Beats `DENDRITE_BACKEND`. A requested backend that is unavailable is an Error, never a silent
   * fallback to one not listed.
   */
  prefer?: BackendName | readonly BackendName[];
  /** What to ask of the runtime; the real machine unless replaced (tests). */
  probes?: Partial<RuntimeProbes>;
}

let current: BackendInfo | undefined;

/** The backend chosen by the last {@link selectBackend}, or undefined before the first. */
export function getBackendInfo(): BackendInfo | undefined {
  return current;
}

/**
 * Chooses the fastest backend this runtime has and makes it tfjs's current backend. The order is
 * `options.prefer`, else the `DENDRITE_BACKEND` environment variable (`wasm` or `wasm,cpu`), else
 * cuda (tfjs-node-gpu and a visible CUDA device), native (tfjs-node), webgpu (a WebGPU adapter),
 * webgl (a WebGL context that renders 32-bit floats), wasm (SIMD), cpu. Node has no webgpu or
 * webgl, a browser no cuda or native; a GPU that draws in software (SwiftShader, llvmpipe) is
 * passed over in the default order, being slower than wasm SIMD. On webgpu and webgl tfjs's own
 * kernels run (Dendrite's kernels are wasm's); their packages load only when chosen.
 *
 * @returns the chosen backend, with the reason each one before it was passed over
 * @throws Error for an unknown backend name (listing the valid ones), or when every requested
 *   backend is unavailable (saying why and how to install it)
 * @example
 * ```ts
 * const info = await selectBackend();             // { name: 'wasm', reason: 'cuda: … not installed; …' }
 * await selectBackend({ prefer: 'cpu' });          // reference results
 * ```
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendInfo> {
  const probes: RuntimeProbes = { ...defaultRuntimeProbes(), ...options.probes };
  const fromEnvironment = probes.env.DENDRITE_BACKEND?.trim();
  let order: BackendName[];
  let source: string | undefined;
  if (options.prefer !== undefined) {
    source = 'options.prefer';
    order = parseBackendPreference(options.prefer, source);
  } else if (fromEnvironment) {
    source = 'DENDRITE_BACKEND';
    order = parseBackendPreference(fromEnvironment, source);
  } else {
    order = [...BACKEND_NAMES];
  }

  const passedOver: string[] = [];
  const fixes: string[] = [];
  for (const name of order) {
    const result = await probeCandidate(name, probes, options, source !== undefined);
    if (result.available) {
      const chosenBecause = source ? `requested by ${source}` : `first available in the default order (${BACKEND_NAMES.join(', ')})`;
      current = {
        name,
        tfBackend: result.tfBackend,
        simd: result.simd,
        threads: result.threads,
        reason: [...passedOver, `${name}: ${chosenBecause}; ${result.detail}`].join('; '),
      };
      return current;
    }
    passedOver.push(`${name}: ${result.why}`);
    fixes.push(`${name}: ${result.howToFix}`);
  }
  const by = `requested by ${source ?? 'the default order'}`;
  const failed = order.length === 1 ? `Backend "${order[0]}" ${by} cannot be used` : `None of the backends ${order.join(', ')} ${by} can be used`;
  throw new Error(
    `${failed}: ${passedOver.join('; ')}. ` +
      `To fix: ${fixes.join('; ')}.`,
  );
}
