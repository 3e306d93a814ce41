import { findCustomObject } from './custom-object-scope';
import { normalizeIdentifier } from './normalize-identifier';

/** An object as Keras serializes it: `{"class_name": "Adam", "config": {"learning_rate": 0.001}}`. */
export interface KerasSerialized {
  class_name: string;
  config: Record<string, unknown>;
}

/** Whether `value` has the `{class_name, config}` shape. */
export function isKerasSerialized(value: unknown): value is KerasSerialized {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KerasSerialized).class_name === 'string' &&
    (typeof (value as KerasSerialized).config === 'object' || (value as KerasSerialized).config === undefined)
  );
}

/** How a registry makes an object from its Keras config (snake_case keys). */
export type FromConfig<T> = (config: Record<string, unknown>) => T;

export { normalizeIdentifier } from './normalize-identifier';

/**
 * A name no registry (nor the active custom objects) knows: what a load reports so that the user
 * can pass the class or function in `customObjects`.
 */
export class UnknownObjectError extends Error {
  override name = 'UnknownObjectError';

  /**
   * @param kind what was looked for (`layer`, `loss`)
   * @param objectName the name as the config gives it
   */
  constructor(
    readonly kind: string,
    readonly objectName: string,
    message: string,
  ) {
    super(message);
  }
}

/** How a registry makes an object of a user function found in custom objects (a loss or metric function). */
export type FromFunction<T> = (fn: (...args: never[]) => unknown, config: Record<string, unknown>) => T;

/**
 * A registry of one kind of serializable object (optimizers, losses, initializers, layers…):
 * `get(identifier)` accepts a registered name in any of Keras's spellings or aliases, a
 * `{class_name, config}` object, or an instance, which passes through.
 *
 * @example
 * ```ts
 * const optimizers = new ObjectRegistry<Optimizer>('optimizer', (x): x is Optimizer => x instanceof Optimizer);
 * optimizers.register('Adam', (config) => new Adam(config), ['adam']);
 * optimizers.get('adam'); optimizers.get({ class_name: 'Adam', config: { learning_rate: 0.01 } });
 * ```
 */
export class ObjectRegistry<T> {
  private readonly entries = new Map<string, { className: string; fromConfig: FromConfig<T> }>();
  private readonly classNames: string[] = [];

  /**
   * @param kind what the registry holds, for error messages (`optimizer`, `loss`)
   * @param isInstance recognises objects that are already instances
   * @param fromFunction wraps a plain function found in custom objects (losses, metrics); without
   *   it only classes of this kind are taken from custom objects
   */
  constructor(
    readonly kind: string,
    private readonly isInstance: (value: unknown) => value is T,
    private readonly fromFunction?: FromFunction<T>,
  ) {}

  /**
   * Registers a class under its Keras class name and any aliases (`'acc'`, `'mse'`).
   *
   * @throws Error when a name is already taken by another class
   */
  register(className: string, fromConfig: FromConfig<T>, aliases: readonly string[] = []): void {
    for (const name of [className, ...aliases]) {
      const key = normalizeIdentifier(name);
      const existing = this.entries.get(key);
      if (existing && existing.className !== className) {
        throw new Error(`Expected a new ${this.kind} name, received "${name}", already registered for ${existing.className}`);
      }
      this.entries.set(key, { className, fromConfig });
    }
    if (!this.classNames.includes(className)) this.classNames.push(className);
  }

  /** Whether a name (in any spelling) is registered, or given by the active custom objects. */
  has(name: string): boolean {
    return this.customEntry(name) !== undefined || this.entries.has(normalizeIdentifier(name));
  }

  /** The registered Keras class names. */
  names(): string[] {
    return [...this.classNames];
  }

  /** The Keras class name a name or alias stands for. */
  className(name: string): string {
    return this.lookup(name).className;
  }

  /**
   * Resolves an identifier to an instance.
   *
   * @throws Error for an unknown name, listing the known ones, or for a value of another kind
   */
  get(identifier: string | KerasSerialized | T, overrides: Record<string, unknown> = {}): T {
    if (this.isInstance(identifier)) return identifier;
    if (typeof identifier === 'string') return this.lookup(identifier).fromConfig({ ...overrides });
    if (isKerasSerialized(identifier)) {
      return this.lookup(identifier.class_name).fromConfig({ ...(identifier.config ?? {}), ...overrides });
    }
    throw new Error(
      `Expected a ${this.kind} name, a {class_name, config} object or a ${this.kind} instance, received ${describe(identifier)}`,
    );
  }

  /** A class of this kind (its prototype an instance) or, with `fromFunction`, a plain function, from the active custom objects. */
  private customEntry(name: string): { className: string; fromConfig: FromConfig<T> } | undefined {
    const isClass = (value: unknown): value is { className?: string; fromConfig(config: Record<string, unknown>): T } =>
      typeof value === 'function' && value.prototype != null && this.isInstance(value.prototype) && typeof (value as { fromConfig?: unknown }).fromConfig === 'function';
    const found = findCustomObject(name, (value) => isClass(value) || (this.fromFunction !== undefined && typeof value === 'function' && !('fromConfig' in value)));
    if (found === undefined) return undefined;
    if (isClass(found)) return { className: found.className ?? name, fromConfig: (config) => found.fromConfig(config) };
    const fromFunction = this.fromFunction as FromFunction<T>;
    return { className: name, fromConfig: (config) => fromFunction(found as (...args: never[]) => unknown, config) };
  }

  private lookup(name: string): { className: string; fromConfig: FromConfig<T> } {
    const entry = this.customEntry(name) ?? this.entries.get(normalizeIdentifier(name));
    if (entry == null) {
      throw new UnknownObjectError(this.kind, name, `Unknown ${this.kind} "${name}": expected one of ${this.classNames.join(', ')}`);
    }
    return entry;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `an object with keys [${Object.keys(value).join(', ')}]`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
