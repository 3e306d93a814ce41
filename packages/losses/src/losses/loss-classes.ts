import { type KerasSerialized, ObjectRegistry, tf } from '@dendrite/backend';
import * as fns from './loss-functions';
import { Loss, type LossArgs } from './loss';

function checkUnit(value: number, argumentName: string, lossName: string): number {
  if (!(typeof value === 'number' && value >= 0 && value <= 1)) {
    throw new Error(`Expected ${argumentName} to be in [0, 1], received ${JSON.stringify(value)} in loss "${lossName}"`);
  }
  return value;
}

/** A loss made of a per-sample function, as Keras's `LossFunctionWrapper`. */
export class LossFunctionWrapper extends Loss {
  static override className = 'LossFunctionWrapper';
  constructor(
    readonly fn: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor,
    args: LossArgs,
    defaultName: string,
  ) {
    super(args, defaultName);
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return this.fn(yTrue, yPred);
  }
}

function simpleLoss(className: string, defaultName: string, fn: fns.LossFunction) {
  return class extends LossFunctionWrapper {
    static override className = className;
    constructor(args: LossArgs = {}) {
      super(fn, args, defaultName);
    }
  };
}

export const MeanSquaredError = simpleLoss('MeanSquaredError', 'mean_squared_error', fns.meanSquaredError);
export const MeanAbsoluteError = simpleLoss('MeanAbsoluteError', 'mean_absolute_error', fns.meanAbsoluteError);
export const MeanAbsolutePercentageError = simpleLoss('MeanAbsolutePercentageError', 'mean_absolute_percentage_error', fns.meanAbsolutePercentageError);
export const MeanSquaredLogarithmicError = simpleLoss('MeanSquaredLogarithmicError', 'mean_squared_logarithmic_error', fns.meanSquaredLogarithmicError);
export const Hinge = simpleLoss('Hinge', 'hinge', fns.hinge);
export const SquaredHinge = simpleLoss('SquaredHinge', 'squared_hinge', fns.squaredHinge);
export const CategoricalHinge = simpleLoss('CategoricalHinge', 'categorical_hinge', fns.categoricalHinge);
export const KLDivergence = simpleLoss('KLDivergence', 'kl_divergence', fns.kld);
export const Poisson = simpleLoss('Poisson', 'poisson', fns.poisson);
export const LogCosh = simpleLoss('LogCosh', 'log_cosh', fns.logCosh);

/** Huber loss (delta 1). */
export class Huber extends Loss {
  static override className = 'Huber';
  readonly delta: number;
  constructor(args: LossArgs & { delta?: number } = {}) {
    super(args, 'huber_loss');
    this.delta = args.delta ?? 1;
    if (!(this.delta > 0)) throw new Error(`Expected delta to be > 0, received ${JSON.stringify(args.delta)} in loss "${this.name}"`);
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return fns.huber(yTrue, yPred, this.delta);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), delta: this.delta };
  }
}

/** Arguments of the crossentropy losses. */
export interface CrossentropyArgs extends LossArgs {
  fromLogits?: boolean;
  labelSmoothing?: number;
  axis?: number;
}

/** Binary crossentropy (fromLogits, labelSmoothing). */
export class BinaryCrossentropy extends Loss {
  static override className = 'BinaryCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  constructor(args: CrossentropyArgs = {}) {
    super(args, 'binary_crossentropy');
    this.fromLogits = args.fromLogits ?? false;
    this.labelSmoothing = checkUnit(args.labelSmoothing ?? 0, 'labelSmoothing', this.name);
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return fns.binaryCrossentropy(yTrue, yPred, this.fromLogits, this.labelSmoothing);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, label_smoothing: this.labelSmoothing };
  }
}

/** Categorical crossentropy (fromLogits, labelSmoothing, axis). */
export class CategoricalCrossentropy extends Loss {
  static override className = 'CategoricalCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;
  constructor(args: CrossentropyArgs = {}) {
    super(args, 'categorical_crossentropy');
    this.fromLogits = args.fromLogits ?? false;
    this.labelSmoothing = checkUnit(args.labelSmoothing ?? 0, 'labelSmoothing', this.name);
    this.axis = args.axis ?? -1;
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return fns.categoricalCrossentropy(yTrue, yPred, this.fromLogits, this.labelSmoothing, this.axis);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, label_smoothing: this.labelSmoothing, axis: this.axis };
  }
}

/** Crossentropy with integer labels (fromLogits). */
export class SparseCategoricalCrossentropy extends Loss {
  static override className = 'SparseCategoricalCrossentropy';
  readonly fromLogits: boolean;
  constructor(args: CrossentropyArgs = {}) {
    super(args, 'sparse_categorical_crossentropy');
    this.fromLogits = args.fromLogits ?? false;
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return fns.sparseCategoricalCrossentropy(yTrue, yPred, this.fromLogits);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits };
  }
}

/** Negative cosine similarity along `axis`. */
export class CosineSimilarity extends Loss {
  static override className = 'CosineSimilarity';
  readonly axis: number;
  constructor(args: LossArgs & { axis?: number } = {}) {
    super(args, 'cosine_similarity');
    this.axis = args.axis ?? -1;
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return fns.cosineSimilarity(yTrue, yPred, this.axis);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}

/** A loss as `compile` accepts it: a name in any Keras spelling, `{class_name, config}`, a Loss, or a function. */
export type LossIdentifier = string | KerasSerialized | Loss | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor);

const registry = new ObjectRegistry<Loss>('loss', (value): value is Loss => value instanceof Loss);
const CLASSES: Array<[{ className: string; new (args: never): Loss }, string, string[]]> = [
  [MeanSquaredError, 'mean_squared_error', ['mse']],
  [MeanAbsoluteError, 'mean_absolute_error', ['mae']],
  [MeanAbsolutePercentageError, 'mean_absolute_percentage_error', ['mape']],
  [MeanSquaredLogarithmicError, 'mean_squared_logarithmic_error', ['msle']],
  [Huber, 'huber', ['huber_loss']],
  [BinaryCrossentropy, 'binary_crossentropy', ['bce']],
  [CategoricalCrossentropy, 'categorical_crossentropy', ['cce']],
  [SparseCategoricalCrossentropy, 'sparse_categorical_crossentropy', ['scce']],
  [Hinge, 'hinge', []],
  [SquaredHinge, 'squared_hinge', []],
  [CategoricalHinge, 'categorical_hinge', []],
  [KLDivergence, 'kl_divergence', ['kld', 'kullback_leibler_divergence']],
  [Poisson, 'poisson', []],
  [CosineSimilarity, 'cosine_similarity', []],
  [LogCosh, 'log_cosh', ['logcosh']],
];
for (const [lossClass, functionName, aliases] of CLASSES) {
  registry.register(
    lossClass.className,
    (config) => {
      const args = Object.fromEntries(Object.entries(config).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
      return new lossClass(args as never);
    },
    [functionName, ...aliases],
  );
}

/**
 * Resolves a loss: `'mse'`, `'binary_crossentropy'`, `'binaryCrossentropy'`,
 * `'BinaryCrossentropy'`, `{class_name, config}`, a Loss instance (passes through) or a plain
 * function `(yTrue, yPred) => perSampleLoss` (wrapped).
 *
 * @throws Error for an unknown name, listing the known ones
 */
export function get(identifier: LossIdentifier): Loss {
  if (typeof identifier === 'function') return new LossFunctionWrapper(identifier, {}, identifier.name || 'custom_loss');
  return registry.get(identifier);
}

/** `{class_name, config}` of a loss. */
export function serialize(loss: Loss): KerasSerialized {
  return { class_name: loss.className, config: loss.getConfig() };
}

/** The Keras function name of a loss (`binary_crossentropy`), used to pick the accuracy metric. */
export function lossFunctionName(loss: Loss): string {
  const entry = CLASSES.find(([lossClass]) => loss instanceof lossClass);
  return entry ? entry[1] : loss.name;
}
