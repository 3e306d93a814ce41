import { tf } from '@dendrite/backend';
import { type KerasSerialized, type KerasSpellings, ObjectRegistry, isKerasSerialized, describeValue } from '@dendrite/backend/internal';
import { BinaryCrossentropy } from './binary-crossentropy';
import { BinaryFocalCrossentropy } from './binary-focal-crossentropy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { CategoricalFocalCrossentropy } from './categorical-focal-crossentropy';
import { CosineSimilarity } from './cosine-similarity';
import { CategoricalHinge, Hinge, SquaredHinge } from './hinge';
import { Huber } from './huber';
import { KLDivergence } from './kl-divergence';
import { LogCosh } from './log-cosh';
import { Loss, LossFunctionWrapper } from './loss';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { MeanSquaredError } from './mean-squared-error';
import { MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { Poisson } from './poisson';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

/** A per-sample loss function: targets and predictions in, one value per sample out. */
export type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Keras's names of the built-in losses: its functions' names, their short aliases and its classes. */
export type KerasLossName =
  | 'mean_squared_error' | 'mse' | 'mean_absolute_error' | 'mae' | 'mean_absolute_percentage_error' | 'mape'
  | 'mean_squared_logarithmic_error' | 'msle' | 'huber' | 'huber_loss' | 'log_cosh' | 'logcosh'
  | 'binary_crossentropy' | 'bce' | 'categorical_crossentropy' | 'cce' | 'sparse_categorical_crossentropy' | 'scce'
  | 'hinge' | 'squared_hinge' | 'categorical_hinge' | 'kl_divergence' | 'kld' | 'kullback_leibler_divergence'
  | 'poisson' | 'cosine_similarity' | 'binary_focal_crossentropy' | 'categorical_focal_crossentropy'
  | 'MeanSquaredError' | 'MeanAbsoluteError' | 'MeanAbsolutePercentageError' | 'MeanSquaredLogarithmicError'
  | 'Huber' | 'LogCosh' | 'BinaryCrossentropy' | 'CategoricalCrossentropy' | 'SparseCategoricalCrossentropy'
  | 'Hinge' | 'SquaredHinge' | 'CategoricalHinge' | 'KLDivergence' | 'Poisson' | 'CosineSimilarity'
  | 'BinaryFocalCrossentropy' | 'CategoricalFocalCrossentropy';

/**
 * The names of losses added with {@link registerLoss}, for the types: extend it by declaration
 * merging (`declare module '@dendrite/losses' { interface CustomLosses { my_loss: true } }`) and
 * its keys join {@link LossName}.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface CustomLosses {}

/** A loss's name as the types accept it (editors complete them; `'msee'` is a type error). */
export type LossName = KerasSpellings<KerasLossName> | (keyof CustomLosses & string);

/** A loss as `compile` accepts it: a name in any Keras spelling, `{class_name, config}`, a Loss, or a function. */
export type LossIdentifier = LossName | KerasSerialized | Loss | LossFunction;

/** A loss class as the registry needs it: its Keras name and a way to rebuild it. */
export type LossClass = { className: string; fromConfig(config: Record<string, unknown>): Loss };

/**
 * Every built-in loss: its class, its Keras function name, and the other names Keras accepts for
 * it (any spelling of each: `binary_crossentropy`, `binaryCrossentropy`, `BinaryCrossentropy`).
 */
const LOSSES: ReadonlyArray<[LossClass, string, string[]]> = [
  [MeanSquaredError, 'mean_squared_error', ['mse']],
  [MeanAbsoluteError, 'mean_absolute_error', ['mae']],
  [MeanAbsolutePercentageError, 'mean_absolute_percentage_error', ['mape']],
  [MeanSquaredLogarithmicError, 'mean_squared_logarithmic_error', ['msle']],
  [Huber, 'huber', ['huber_loss']],
  [LogCosh, 'log_cosh', ['logcosh']],
  [BinaryCrossentropy, 'binary_crossentropy', ['bce']],
  [CategoricalCrossentropy, 'categorical_crossentropy', ['cce']],
  [SparseCategoricalCrossentropy, 'sparse_categorical_crossentropy', ['scce']],
  [Hinge, 'hinge', []],
  [SquaredHinge, 'squared_hinge', []],
  [CategoricalHinge, 'categorical_hinge', []],
  [KLDivergence, 'kl_divergence', ['kld', 'kullback_leibler_divergence']],
  [Poisson, 'poisson', []],
  [CosineSimilarity, 'cosine_similarity', []],
  [BinaryFocalCrossentropy, 'binary_focal_crossentropy', []],
  [CategoricalFocalCrossentropy, 'categorical_focal_crossentropy', []],
];

// A loss function passed to loadModel's customObjects is wrapped as compile wraps one.
const registry = new ObjectRegistry<Loss>('loss', (value): value is Loss => value instanceof Loss, (fn) => new LossFunctionWrapper(fn as unknown as LossFunction));

/**
 * Registers a custom loss class under its Keras class name (and aliases), so that `compile` and
 * saved compile configs can name it.
 */
export function registerLoss(lossClass: LossClass, aliases: readonly string[] = []): void {
  registry.register(lossClass.className, (config) => lossClass.fromConfig(config), aliases);
}

for (const [lossClass, functionName, aliases] of LOSSES) registerLoss(lossClass, [functionName, ...aliases]);

/**
 * Resolves a loss, as Keras's `losses.get`: a name in any Keras spelling or alias (`'mse'`,
 * `'binary_crossentropy'`, `'binaryCrossentropy'`, `'BinaryCrossentropy'`, `'kld'`), a
 * `{class_name, config}` object (snake_case config), a Loss (passes through), or a function
 * `(yTrue, yPred) => perSampleLoss` (wrapped in a {@link LossFunctionWrapper} named after it).
 *
 * @returns a Loss
 * @throws Error for an unknown name (listing the known ones), a config with unknown keys, or
 *   anything else
 * @example
 * ```ts
 * get('mse').apply(yTrue, yPred);
 * get({ class_name: 'CategoricalCrossentropy', config: { from_logits: true } });
 * get((t, p) => tf.mean(tf.abs(tf.sub(t, p)), -1));
 * ```
 */
export function get(identifier: LossIdentifier | (string & {})): Loss {
  if (identifier instanceof Loss) return identifier;
  if (typeof identifier === 'function') return new LossFunctionWrapper(identifier);
  if (typeof identifier === 'string' || isKerasSerialized(identifier)) return registry.get(identifier);
  throw new Error(`Expected a loss name, a {class_name, config} object, a Loss or a function, received ${describeValue(identifier)}`);
}

/**
 * A loss as Keras saves it: `{class_name, config}`.
 *
 * @example
 * ```ts
 * serialize(new Huber({ delta: 2 })); // { class_name: 'Huber', config: { name: 'huber_loss', reduction: 'sum_over_batch_size', delta: 2 } }
 * ```
 */
export function serialize(loss: Loss): KerasSerialized {
  return { class_name: loss.className, config: loss.getConfig() };
}

/**
 * Rebuilds a loss from {@link serialize}'s output (Keras's `losses.deserialize`).
 *
 * @throws Error for an unknown class name or config key
 * @example
 * ```ts
 * deserialize({ class_name: 'Huber', config: { delta: 2 } });
 * ```
 */
export function deserialize(config: KerasSerialized): Loss {
  return registry.get(config);
}

/**
 * The Keras function name behind a loss (`binary_crossentropy` for any BinaryCrossentropy,
 * whatever its name; a wrapped function's name otherwise): what picks the accuracy for
 * `metrics: ['accuracy']`.
 *
 * @example
 * ```ts
 * lossFunctionName(new BinaryCrossentropy({ name: 'bce_1' })); // 'binary_crossentropy'
 * ```
 */
export function lossFunctionName(loss: Loss): string {
  if (loss instanceof LossFunctionWrapper && loss.fn.name) {
    const byFunction = LOSSES.find(([, functionName]) => functionName === loss.fn.name);
    if (byFunction) return byFunction[1];
  }
  const byClass = LOSSES.find(([lossClass]) => loss instanceof (lossClass as unknown as typeof Loss));
  return byClass ? byClass[1] : loss.name;
}

/** Whether a name (any spelling) is a known loss. */
export function isLossName(name: string): boolean {
  return registry.has(name);
}
