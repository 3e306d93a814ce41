/** An object serialized in TF.js's spelling: `{className, config}`. */
export interface CamelSerialized {
  className: string;
  config?: Record<string, unknown>;
}

/**
 * `{className, config}` (TF.js's spelling) as `{class_name, config}` (Keras's), so identifiers in
 * either spelling resolve alike; anything else is returned as it is.
 *
 * @param identifier a name, a serialized object in either spelling, or an instance
 * @example
 * ```ts
 * withKerasClassName({ className: 'L2', config: { l2: 0.1 } }); // { class_name: 'L2', config: { l2: 0.1 } }
 * ```
 */
export function withKerasClassName<T>(identifier: T): T {
  if (typeof identifier !== 'object' || identifier === null || Object.getPrototypeOf(identifier) !== Object.prototype) return identifier;
  const { className, class_name: kerasName, ...rest } = identifier as Record<string, unknown>;
  if (kerasName !== undefined || typeof className !== 'string') return identifier;
  return { class_name: className, ...rest } as T;
}
