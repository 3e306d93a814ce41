import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend/internal';
import { Constant } from './constant';
import { Identity } from './identity';
import { Initializer } from './initializer';
import { Ones } from './ones';
import { Orthogonal } from './orthogonal';
import { RandomNormal } from './random-normal';
import { RandomUniform } from './random-uniform';
import { TruncatedNormal } from './truncated-normal';
import { VarianceScaling } from './variance-scaling';
import { GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform } from './variance-scaling-presets';
import { Zeros } from './zeros';
import { type CamelSerialized, withKerasClassName } from '../engine/camel-serialized';

/** An initializer as layers accept it: a Keras name in any spelling, `{class_name, config}`, or an instance. */
export type InitializerIdentifier = string | KerasSerialized | CamelSerialized | Initializer;

/** An initializer class as the registry needs it: its Keras name and how to build it from a config. */
export interface InitializerClass {
  className: string;
  fromConfig(config: Record<string, unknown>): Initializer;
}

const registry = new ObjectRegistry<Initializer>('initializer', (value): value is Initializer => value instanceof Initializer);

const BUILT_INS: ReadonlyArray<readonly [InitializerClass, readonly string[]]> = [
  [Zeros, ['zero']],
  [Ones, ['one']],
  [Constant, []],
  [Identity, ['IdentityInitializer']],
  [RandomUniform, ['uniform']],
  [RandomNormal, ['normal']],
  [TruncatedNormal, []],
  [VarianceScaling, []],
  [GlorotUniform, []],
  [GlorotNormal, []],
  [HeNormal, []],
  [HeUniform, []],
  [LecunNormal, []],
  [LecunUniform, []],
  [Orthogonal, ['OrthogonalInitializer']],
];
for (const [initializerClass, aliases] of BUILT_INS) {
  registry.register(initializerClass.className, (config) => initializerClass.fromConfig(config), aliases);
}

/**
 * Resolves an initializer identifier, as Keras's `initializers.get`: a name in any spelling
 * (`'glorot_uniform'`, `'glorotUniform'`, `'GlorotUniform'`; aliases `'uniform'`, `'normal'`,
 * `'zero'`, `'one'`) with default arguments, a `{class_name, config}` (or TF.js's `{className, config}`) object (snake_case or
 * camelCase keys), or an instance, which passes through.
 *
 * @param identifier a name, a serialized initializer or an instance
 * @returns the initializer
 * @throws Error for an unknown name, listing the known ones; or for invalid config values, as the
 *   constructor does
 * @example
 * ```ts
 * getInitializer('he_normal');
 * getInitializer({ class_name: 'RandomNormal', config: { mean: 0, stddev: 0.1, seed: null } });
 * ```
 */
export function getInitializer(identifier: InitializerIdentifier): Initializer {
  return registry.get(withKerasClassName(identifier) as string | KerasSerialized | Initializer);
}

/**
 * An initializer as Keras saves it: `{class_name, config}`.
 *
 * @param initializer any initializer
 * @returns `{ class_name: initializer.className, config: initializer.getConfig() }`
 * @example
 * ```ts
 * serializeInitializer(glorotUniform()); // { class_name: 'GlorotUniform', config: { seed: null } }
 * ```
 */
export function serializeInitializer(initializer: Initializer): KerasSerialized {
  return { class_name: initializer.className, config: initializer.getConfig() };
}

/**
 * Registers a custom initializer class, so {@link getInitializer} can rebuild configs naming it.
 *
 * @param initializerClass a subclass of {@link Initializer} with its own `static className`
 * @param aliases other names it answers to
 * @throws Error when a name is already taken by another class
 * @example
 * ```ts
 * registerInitializer(Halves);
 * getInitializer({ class_name: 'Halves', config: {} });
 * ```
 */
export function registerInitializer(initializerClass: InitializerClass, aliases: readonly string[] = []): void {
  registry.register(initializerClass.className, (config) => initializerClass.fromConfig(config), aliases);
}

/**
 * The Keras class names {@link getInitializer} knows, built-in and registered.
 *
 * @example
 * ```ts
 * initializerNames().includes('HeNormal'); // true
 * ```
 */
export function initializerNames(): string[] {
  return registry.names();
}
