import { type KerasSerialized, ObjectRegistry, describeValue } from '@dendrite/backend/internal';
import { Adadelta } from './adadelta';
import { Adafactor } from './adafactor';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { Adamax } from './adamax';
import { AdamW } from './adamw';
import { factoryArgs } from './factory-args';
import { Ftrl } from './ftrl';
import { Lion } from './lion';
import { lossScaleOptimizerFromConfig } from './loss-scale-optimizer';
import { Nadam } from './nadam';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/**
 * Keras's names of the built-in optimizers: its classes, their lower-case names (`'adam'`, `'rmsprop'`)
 * and `'RMSProp'`, the spelling many courses use. At run time any casing is accepted, as Keras
 * lower-cases a name before looking it up; the types list these so that a typo is a type error.
 */
export type KerasOptimizerName =
  | 'sgd' | 'adagrad' | 'rmsprop' | 'adam' | 'adamax' | 'nadam' | 'adamw' | 'adadelta' | 'ftrl' | 'lion' | 'adafactor'
  | 'SGD' | 'Adagrad' | 'RMSprop' | 'Adam' | 'Adamax' | 'Nadam' | 'AdamW' | 'Adadelta' | 'Ftrl' | 'Lion' | 'Adafactor'
  | 'RMSProp'
  | 'LossScaleOptimizer';

/**
 * The names of optimizers added with {@link registerOptimizer}, for the types: extend it by
 * declaration merging (`declare module '@dendrite/optimizers' { interface CustomOptimizers { MyOptimizer: true } }`)
 * and its keys join {@link OptimizerName}.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface CustomOptimizers {}

/** An optimizer's name as the types accept it (editors complete them; `'adamm'` is a type error). */
export type OptimizerName = KerasOptimizerName | (keyof CustomOptimizers & string);

/** An optimizer as `compile` accepts it: a name in any of Keras's spellings, `{class_name, config}`, or an instance. */
export type OptimizerIdentifier = OptimizerName | KerasSerialized | Optimizer;

/** An optimizer class as the registry needs it: its Keras name and a way to build it from a config. */
export interface OptimizerClass {
  className: string;
  fromConfig(config: Record<string, unknown>): Optimizer;
}

const registry = new ObjectRegistry<Optimizer>('optimizer', (value): value is Optimizer => value instanceof Optimizer);
/** The registered classes that can be constructed from options, by Keras class name. */
const constructors = new Map<string, new (args: OptimizerArgs) => Optimizer>();

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
  const candidate: unknown = optimizerClass;
  if (typeof candidate === 'function') constructors.set(optimizerClass.className, candidate as new (args: OptimizerArgs) => Optimizer);
}

for (const optimizerClass of [SGD, Adagrad, RMSprop, Adam, Adamax, Nadam, AdamW, Adadelta, Ftrl, Lion, Adafactor]) registerOptimizer(optimizerClass);

/**
 * Keras's `LossScaleOptimizer` as files name it: `fromConfig` returns the inner optimizer, which
 * is what it amounts to in float32 training (see `lossScaleOptimizerFromConfig`). It has no
 * constructor: `get('LossScaleOptimizer', options)` is refused.
 */
export const LossScaleOptimizer: OptimizerClass = {
  className: 'LossScaleOptimizer',
  fromConfig: (config) => lossScaleOptimizerFromConfig(config, (inner) => registry.get(inner)),
};
registry.register(LossScaleOptimizer.className, LossScaleOptimizer.fromConfig, ['LossScaleOptimizerV3', 'LossScaleOptimizerV1']);

/**
 * Resolves an optimizer, as Keras's `optimizers.get`: `'adam'`, `'Adam'`, `'rmsprop'`, `'RMSProp'`,
 * `'SGD'`, `'adadelta'`, `'ftrl'`, `'lion'`, `'adafactor'` (Keras defaults), `{class_name: 'Adam', config: {learning_rate: 0.01}}`, or an instance,
 * which passes through. A name may come with options, checked as the class's constructor checks
 * them (`get('adam', { learningRate: 0.01 })`), or with the learning rate alone (`get('sgd', 0.1)`).
 * A config (as files hold it) is read leniently instead: see `Optimizer.fromConfig`.
 *
 * @param options the class's options (camelCase: `beta1`, `momentum`…, checked at run time), only with a name
 * @throws TypeError for an unknown option (`Unknown option "lr" in Adam: did you mean "learningRate"?`),
 *   or options with an identifier that is not a name
 * @throws Error for an unknown name, listing the known ones; or for a config an optimizer rejects
 * @example
 * ```ts
 * get('adam').getConfig().learning_rate; // 0.001
 * get('adam', { learningRate: 0.01, beta1: 0.8 });
 * get({ class_name: 'SGD', config: { learning_rate: 0.1, momentum: 0.9 } });
 * ```
 */
export function get(identifier: OptimizerIdentifier | (string & {}), options?: (OptimizerArgs & Record<string, unknown>) | number): Optimizer {
  if (options === undefined) return registry.get(identifier);
  if (typeof identifier !== 'string') {
    throw new TypeError(`Expected an optimizer name with options (get('adam', { learningRate: 0.01 })), received options with ${describeValue(identifier)}`);
  }
  const className = registry.className(identifier);
  const optimizerClass = constructors.get(className);
  if (optimizerClass === undefined) throw new TypeError(`Expected an optimizer class with a constructor for get('${identifier}', options), received ${className}, registered with fromConfig only`);
  return new optimizerClass(factoryArgs(options, 1, `get('${identifier}', …)`));
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
