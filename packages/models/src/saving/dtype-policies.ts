type Json = Record<string, unknown>;

const POLICY_CLASSES = new Set(['Policy', 'DTypePolicy', 'FloatDTypePolicy']);
const MIXED = new Set(['mixed_float16', 'mixed_bfloat16']);

/** The policy name a `dtype` entry holds: a string, or tf.keras 2's `Policy` / Keras 3's `DTypePolicy` object. */
function policyName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const policy = value as { class_name?: unknown; config?: { name?: unknown } } | null;
  if (policy !== null && typeof policy === 'object' && typeof policy.class_name === 'string' && POLICY_CLASSES.has(policy.class_name) && typeof policy.config?.name === 'string') return policy.config.name;
  return undefined;
}

/**
 * A model config with every layer's dtype policy as a plain dtype name: tf.keras 2's
 * `{class_name: 'Policy', config: {name}}` and Keras 3's `DTypePolicy` objects as their name, and
 * the mixed-precision policies (`mixed_float16`, `mixed_bfloat16`) as `float32`: their variables
 * are float32 already, and Dendrite computes in float32 — predictions then agree with Keras's to
 * float16 rounding, not closer. One warning names the file when a mixed policy was read.
 *
 * @param config the model's config as the file holds it (any dialect)
 * @param where the file, for the warning
 * @returns a converted copy; `config` is not changed
 * @example
 * ```ts
 * withFloat32Policies({ class_name: 'Dense', config: { dtype: { class_name: 'Policy', config: { name: 'mixed_float16' } } } }, 'x.h5');
 * // { class_name: 'Dense', config: { dtype: 'float32' } }, after a console warning
 * ```
 */
export function withFloat32Policies<T>(config: T, where: string): T {
  const mixed = new Set<string>();
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Json).map(([key, inner]) => {
        if (key !== 'dtype') return [key, visit(inner)];
        const name = policyName(inner);
        if (name !== undefined && MIXED.has(name)) mixed.add(name);
        return [key, name === undefined ? inner : MIXED.has(name) ? 'float32' : name];
      }),
    );
  };
  const converted = visit(config) as T;
  if (mixed.size > 0) console.warn(`"${where}" was saved with the ${[...mixed].join(' and ')} policy: Dendrite computes in float32 (its variables are float32 already), so predictions may differ from Keras's by float16 rounding`);
  return converted;
}
