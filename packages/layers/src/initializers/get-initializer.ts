import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend';
import { Constant, Identity, Ones, Zeros } from './constant-initializers';
import { Initializer } from './initializer';
import { Orthogonal, RandomNormal, RandomUniform, TruncatedNormal } from './random-initializers';
import { GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VarianceScaling } from './variance-scaling';

/** An initializer as layers accept it: a Keras name in any spelling, `{class_name, config}`, or an instance. */
export type InitializerIdentifier = string | KerasSerialized | Initializer;

const registry = new ObjectRegistry<Initializer>('initializer', (value): value is Initializer => value instanceof Initializer);

const CLASSES: Array<[{ className: string; fromConfig(config: Record<string, unknown>): Initializer }, string[]]> = [
  [Zeros, ['zero']],
  [Ones, ['one']],
  [Constant, []],
  [Identity, []],
  [RandomUniform, ['uniform']],
  [RandomNormal, ['normal']],
  [TruncatedNormal, []],
  [Orthogonal, []],
  [VarianceScaling, []],
  [GlorotUniform, []],
  [GlorotNormal, []],
  [HeNormal, []],
  [HeUniform, []],
  [LecunNormal, []],
  [LecunUniform, []],
];
for (const [initializerClass, aliases] of CLASSES) {
  registry.register(initializerClass.className, (config) => initializerClass.fromConfig(config), aliases);
}

/**
 * Resolves an initializer: `'glorot_uniform'`, `'glorotUniform'`, `'GlorotUniform'`, `'he_normal'`,
 * `{class_name: 'RandomNormal', config: {stddev: 0.1}}`, or an instance (passes through).
 *
 * @throws Error for an unknown name, listing the known ones
 */
export function getInitializer(identifier: InitializerIdentifier): Initializer {
  return registry.get(identifier);
}

/** `{class_name, config}` of an initializer, as Keras saves it. */
export function serializeInitializer(initializer: Initializer): KerasSerialized {
  return { class_name: initializer.className, config: initializer.getConfig() };
}

/** Registers a custom initializer class so configs naming it can be rebuilt. */
export function registerInitializer(initializerClass: { className: string; fromConfig(config: Record<string, unknown>): Initializer }): void {
  registry.register(initializerClass.className, (config) => initializerClass.fromConfig(config));
}
