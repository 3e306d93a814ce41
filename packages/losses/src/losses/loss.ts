import { tf } from '@dendrite/backend';
import { checkOptionKeys, classOptionKeys, keysToCamelCase, optionKeys, splitOptionKeys } from '@dendrite/backend/internal';
import { type Reduction, type ReductionArgument, reduceWeightedValues, standardizeReduction } from './reduction';

/** Arguments every loss takes. */
export interface LossArgs {
  /** How per-sample losses are reduced; `sum_over_batch_size` by default. */
  reduction?: ReductionArgument;
  /** The loss's name (its Keras default otherwise). */
  name?: string;
}

/**
 * The base of every loss, as Keras's `Loss`. Subclasses implement {@link Loss.call}, which turns
 * targets and predictions into one loss per sample; {@link Loss.apply} weights those by
 * `sampleWeight` and reduces them.
 *
 * @example
 * ```ts
 * class MeanCubicError extends Loss {
 *   static override className = 'MeanCubicError';
 *   constructor(args: LossArgs = {}) { super(args, 'mean_cubic_error'); }
 *   call(yTrue: tf.Tensor, yPred: tf.Tensor) { return tf.mean(tf.abs(tf.pow(tf.sub(yTrue, yPred), 3)), -1); }
 * }
 * new MeanCubicError().apply(yTrue, yPred); // a scalar
 * ```
 */
export abstract class Loss {
  /** The Keras class name, for `{class_name, config}`. */
  static className = 'Loss';
  /** The option keys every loss reads; subclasses declare the ones they add. */
  static readonly optionKeys = optionKeys<LossArgs>({ reduction: true, name: true });
  readonly name: string;
  readonly reduction: Reduction;
  /** `loss "name"`, as errors show it; built once rather than per call. */
  protected readonly owner: string;

  /**
   * @param args `reduction` and `name`
   * @param defaultName the Keras default name of the subclass (`mean_squared_error`)
   * @throws Error for an unknown reduction
   */
  constructor(args: LossArgs, defaultName: string) {
    const known = classOptionKeys(new.target);
    if (known !== undefined) checkOptionKeys(args, known, (new.target as unknown as typeof Loss).className);
    this.name = args.name ?? defaultName;
    this.owner = `loss "${this.name}"`;
    this.reduction = standardizeReduction(args.reduction, this.owner);
  }

  /** The Keras class name of this loss (`BinaryCrossentropy`). */
  get className(): string {
    return (this.constructor as typeof Loss).className;
  }

  /**
   * One loss per sample: the last axis of the targets reduced (`[batch, classes]` → `[batch]`).
   *
   * @param yTrue targets
   * @param yPred predictions
   */
  abstract call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor;

  /**
   * Which per-sample losses count (1) and which are left out (0), shaped like {@link Loss.call}'s
   * output — Keras's mask on the losses. Undefined (all count) unless a subclass says otherwise,
   * as the sparse crossentropy does for `ignoreClass`.
   */
  protected lossMask(_yTrue: tf.Tensor, _yPred: tf.Tensor): tf.Tensor | undefined {
    return undefined;
  }

  /**
   * The loss: {@link Loss.call}, weighted by `sampleWeight`, reduced by {@link Loss.reduction}.
   * Everything happens in one `tf.tidy`, so only the result is left for the caller to dispose.
   *
   * @param yTrue targets
   * @param yPred predictions
   * @param sampleWeight one weight per sample (`[batch]` or `[batch, 1]`) or one per loss value
   * @returns a scalar (or the per-sample losses for `reduction: 'none'`)
   * @throws Error when the shapes of targets, predictions or weights do not fit together
   * @example
   * ```ts
   * new MeanSquaredError().apply(tf.tensor2d([[1], [2]]), tf.tensor2d([[2], [2]]), tf.tensor1d([3, 1])); // (3·1 + 1·0) / 2
   * ```
   */
  apply(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): tf.Tensor {
    return tf.tidy(() => reduceWeightedValues(this.call(yTrue, yPred), sampleWeight, this.lossMask(yTrue, yPred), this.reduction, this.owner));
  }

  /**
   * The Keras config: `name`, `reduction` and the subclass's arguments in snake_case.
   *
   * @example
   * ```ts
   * new BinaryCrossentropy({ fromLogits: true }).getConfig();
   * // { name: 'binary_crossentropy', reduction: 'sum_over_batch_size', from_logits: true, label_smoothing: 0, axis: -1 }
   * ```
   */
  getConfig(): Record<string, unknown> {
    return { name: this.name, reduction: this.reduction };
  }

  /**
   * Rebuilds a loss from its Keras config (snake_case keys; Keras's `dtype` is accepted and
   * ignored, since Dendrite computes losses in float32).
   *
   * @throws Error for a key the loss does not take
   * @example
   * ```ts
   * CategoricalCrossentropy.fromConfig({ from_logits: true, label_smoothing: 0.1 });
   * ```
   */
  static fromConfig<T extends Loss>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const { dtype: _dtype, ...rest } = config;
    const args = keysToCamelCase(rest);
    // Keys the class does not read (another Keras version's) are left to the check below.
    const readKeys = classOptionKeys(this);
    const loss = new this((readKeys === undefined ? args : splitOptionKeys(args, readKeys).known) as never);
    const known = Object.keys(loss.getConfig());
    const unknown = Object.keys(rest).filter((key) => !known.includes(key));
    if (unknown.length > 0) {
      throw new Error(`Expected config keys of loss ${loss.className} among [${known.join(', ')}], received unknown [${unknown.join(', ')}]`);
    }
    return loss;
  }
}

/**
 * A loss made from a per-sample function, as Keras's `LossFunctionWrapper`: what `compile`
 * makes of `loss: (yTrue, yPred) => …`.
 *
 * @example
 * ```ts
 * const loss = new LossFunctionWrapper((t, p) => tf.mean(tf.abs(tf.sub(t, p)), -1), { name: 'my_mae' });
 * loss.apply(yTrue, yPred);
 * ```
 */
export class LossFunctionWrapper extends Loss {
  static override className = 'LossFunctionWrapper';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});

  /**
   * @param fn `(yTrue, yPred) => perSampleLosses`
   * @param args `reduction`, and `name` (`defaultName`, else the function's name, else `custom_loss`)
   * @param defaultName a subclass's Keras name
   * @throws TypeError for an unknown option
   * @throws Error when `fn` is not a function
   */
  constructor(
    readonly fn: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor,
    args: LossArgs = {},
    defaultName?: string,
  ) {
    super(args, defaultName ?? (typeof fn === 'function' && fn.name ? fn.name : 'custom_loss'));
    if (typeof fn !== 'function') throw new TypeError(`Expected fn to be a function (yTrue, yPred) => tf.Tensor, received ${typeof fn} in ${this.owner}`);
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return this.fn(yTrue, yPred);
  }
}
