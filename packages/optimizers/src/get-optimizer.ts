import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend';
import { Adagrad } from './adagrad';
import { Adam, Adamax, AdamW } from './adam';
import { Nadam } from './nadam';
import { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/** An optimizer as `compile` accepts it: a name in any spelling, `{class_name, config}`, or an instance. */
export type OptimizerIdentifier = string | KerasSerialized | Optimizer;

const registry = new ObjectRegistry<Optimizer>('optimizer', (value): value is Optimizer => value instanceof Optimizer);
const CLASSES: Array<{ className: string; fromConfig(config: Record<string, unknown>): Optimizer }> = [SGD, Adagrad, RMSprop, Adam, Adamax, Nadam, AdamW];
for (const optimizerClass of CLASSES) registry.register(optimizerClass.className, (config) => optimizerClass.fromConfig(config));

/**
 * Resolves an optimizer: `'adam'`, `'Adam'`, `'rmsprop'`, `'SGD'`,
 * `{class_name: 'Adam', config: {learning_rate: 0.01}}`, or an instance (passes through).
 *
 * @throws Error for an unknown name, listing the known ones
 */
export function get(identifier: OptimizerIdentifier): Optimizer {
  return registry.get(identifier);
}

/** `{class_name, config}` of an optimizer, as Keras saves it. */
export function serialize(optimizer: Optimizer): KerasSerialized {
  return { class_name: optimizer.className, config: optimizer.getConfig() };
}

/** Registers a custom optimizer class. */
export function registerOptimizer(optimizerClass: { className: string; fromConfig(config: Record<string, unknown>): Optimizer }): void {
  registry.register(optimizerClass.className, (config) => optimizerClass.fromConfig(config));
}
