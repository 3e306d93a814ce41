/**
 * The backends Dendrite can select, in its default order of preference: a GPU first (CUDA in Node,
 * WebGPU then WebGL in a browser), then libtensorflow, then wasm SIMD, then plain JavaScript.
 */
export const BACKEND_NAMES = ['cuda', 'native', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;

/**
 * A backend Dendrite can select: `cuda` (tfjs-node-gpu), `native` (tfjs-node), `webgpu` and
 * `webgl` (a browser's GPU, tfjs-backend-webgpu/-webgl), `wasm`, `cpu`.
 */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Whether `value` names a backend. */
export function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}

/**
 * Reads a preference: one name or an ordered list (an array, or a comma-separated string as
 * `DENDRITE_BACKEND=wasm,cpu`), checked against {@link BACKEND_NAMES}.
 *
 * @param value the preference as given
 * @param source where it came from, for the error message (`options.prefer`, `DENDRITE_BACKEND`)
 * @throws Error naming the unknown backend and listing the valid names
 */
export function parseBackendPreference(value: string | readonly string[], source: string): BackendName[] {
  const names = (typeof value === 'string' ? value.split(',') : [...value]).map((name) => name.trim().toLowerCase());
  if (names.length === 0 || names.some((name) => name === '')) {
    throw new Error(`Expected ${source} to name a backend (${BACKEND_NAMES.join(', ')}), received ${JSON.stringify(value)}`);
  }
  for (const name of names) {
    if (!isBackendName(name)) {
      throw new Error(
        `Unknown backend "${name}" in ${source}: expected one of ${BACKEND_NAMES.join(', ')}, received ${JSON.stringify(value)}`,
      );
    }
  }
  return names as BackendName[];
}
