import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { Adamax } from './adamax';
import { AdamW } from './adamw';
import { Nadam } from './nadam';
import { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/** An optimizer as `compile` accepts it: a name in any of Keras's spellings, `{class_name, config}`, or an instance. */
export type OptimizerIdentifier = string | KerasSerialized | Optimizer;

/** An optimizer class as the registry needs it: its Keras name and a way to build it from a config. */
export interface OptimizerClass {
  className: string;
  fromConfig(config: Record<string, unknown>): Optimizer;
}

const registry = new ObjectRegistry<Optimizer>('optimizer', (value): value is Optimizer => value instanceof Optimizer);

/**
 * Registers an optimizer class under its `className`, so `get` and saved configs can name it.
 *
 * @throws Error when the name is taken by another class
 * @example
 * ```ts
 * class Lion extends Optimizer { static override className = 'Lion'; … }
 * registerOptimizer(Lion);
 * get('lion');
 * ```
 */
export function registerOptimizer(optimizerClass: OptimizerClass): void {
  registry.register(optimizerClass.className, (config) => optimizerClass.fromConfig(config));
}

for (const optimizerClass of [SGD, Adagrad, RMSprop, Adam, Adamax, Nadam, AdamW]) registerOptimizer(optimizerClass);

/**
 * Resolves an optimizer, as Keras's `optimizers.get`: `'adam'`, `'Adam'`, `'rmsprop'`, `'RMSProp'`,
 * `'SGD'` (Keras defaults), `{class_name: 'Adam', config: {learning_rate: 0.01}}`, or an instance,
 * which passes through.
 *
 * @throws Error for an unknown name, listing the known ones; or for a config an optimizer rejects
 * @example
 * ```ts
 * get('adam').getConfig().learning_rate; // 0.001
 * get({ class_name: 'SGD', config: { learning_rate: 0.1, momentum: 0.9 } });
 * ```
 */
export function get(identifier: OptimizerIdentifier): Optimizer {
  return registry.get(identifier);
}

/**
 * `{class_name, config}` of an optimizer, as Keras saves it.
 *
 * @example
 * ```ts
 * serialize(adam()); // { class_name: 'Adam', config: { name: 'adam', learning_rate: 0.001, … } }
 * ```
 */
export function serialize(optimizer: Optimizer): KerasSerialized {
  return { class_name: optimizer.className, config: optimizer.getConfig() };
}
