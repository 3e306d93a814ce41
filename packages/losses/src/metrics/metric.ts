import { tf } from '@dendrite/backend';
import { checkOptionKeys, classOptionKeys, keysToCamelCase, optionKeys, splitOptionKeys } from '@dendrite/backend/internal';

/** The `name` every metric takes. */
export interface MetricArgs {
  /** The metric's name, the key it is logged under (its Keras default otherwise). */
  name?: string;
}

/**
 * The base of every streaming metric, as Keras's `Metric`. State lives in non-trainable
 * variables made by {@link Metric.addState} in the constructor; {@link Metric.updateState}
 * folds in one batch on the device (inside `tf.tidy`, reading nothing back), {@link Metric.result}
 * computes the value when asked, {@link Metric.resetState} starts over (each epoch).
 *
 * @example
 * ```ts
 * class Count extends Metric {
 *   private readonly count = this.addState();
 *   constructor() { super('count'); }
 *   updateState(yTrue: tf.Tensor) { tf.tidy(() => this.count.assign(tf.add(this.count, yTrue.shape[0]))); }
 *   result() { return this.count.clone(); }
 * }
 * ```
 */
export abstract class Metric {
  /** The Keras class name, for `{class_name, config}`. */
  static className = 'Metric';
  /** The option keys every metric reads; subclasses declare the ones they add. */
  static readonly optionKeys = optionKeys<MetricArgs>({ name: true });
  readonly name: string;
  /** `metric "name"`, as errors show it; built once rather than per batch. */
  protected readonly owner: string;
  private readonly stateVariables: tf.Variable[] = [];

  /**
   * @param name the metric's name, the key it is logged under
   * @param args the options the subclass was given, checked against the static `optionKeys` of
   *   the class and its parents (a user's subclass that declares none is not checked)
   * @throws TypeError for an unknown option (`Unknown option "treshold" in BinaryAccuracy: did you mean "threshold"?`)
   */
  constructor(name: string, args?: object) {
    const known = classOptionKeys(new.target);
    if (known !== undefined) checkOptionKeys(args, known, (new.target as unknown as typeof Metric).className);
    this.name = name;
    this.owner = `metric "${name}"`;
  }

  /** The Keras class name of this metric (`AUC`). */
  get className(): string {
    return (this.constructor as typeof Metric).className;
  }

  /** The state variables (non-trainable), in creation order. */
  get variables(): readonly tf.Variable[] {
    return this.stateVariables;
  }

  /**
   * Folds one batch into the state. Implementations stay on the device (no `dataSync`) and leave
   * no tensors behind.
   *
   * @param yTrue targets of the batch
   * @param yPred predictions of the batch
   * @param sampleWeight optional weights, one per sample (`[batch]`) or broadcastable to the values
   */
  abstract updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void;

  /**
   * The metric over everything since the last reset: a scalar tensor (a vector for Precision or
   * Recall with several thresholds). The caller disposes it.
   */
  abstract result(): tf.Tensor;

  /**
   * {@link Metric.result} read back as a number (its first value). A convenience for scripts and
   * tests: it blocks on the backend, so the trainer reads `result()` tensors once per epoch instead.
   *
   * @example
   * ```ts
   * accuracy.updateState(yTrue, yPred);
   * accuracy.resultValue(); // 0.75
   * ```
   */
  resultValue(): number {
    const value = this.result();
    const number = value.dataSync()[0];
    value.dispose();
    return number;
  }

  /** Starts over: every state variable back to zero. */
  resetState(): void {
    tf.tidy(() => {
      for (const variable of this.stateVariables) variable.assign(tf.zerosLike(variable));
    });
  }

  /**
   * Makes a zero-filled, non-trainable state variable that {@link Metric.resetState} clears.
   *
   * @param shape the variable's shape; a scalar by default
   */
  protected addState(shape: number[] = []): tf.Variable {
    const zeros = tf.zeros(shape);
    const variable = tf.variable(zeros, false);
    zeros.dispose();
    this.stateVariables.push(variable);
    return variable;
  }

  /** The Keras config (snake_case keys); subclasses add their arguments. */
  getConfig(): Record<string, unknown> {
    return { name: this.name };
  }

  /**
   * Rebuilds a metric from its Keras config (snake_case keys; Keras's `dtype` is ignored).
   *
   * @throws Error for a key the metric does not take
   * @example
   * ```ts
   * AUC.fromConfig({ num_thresholds: 100, curve: 'PR' });
   * ```
   */
  static fromConfig<T extends Metric>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const { dtype: _dtype, ...rest } = config;
    const args = keysToCamelCase(rest);
    // Keys the class does not read (another Keras version's) are left to the check below.
    const readKeys = classOptionKeys(this);
    const metric = new this((readKeys === undefined ? args : splitOptionKeys(args, readKeys).known) as never);
    const known = Object.keys(metric.getConfig());
    const unknown = Object.keys(rest).filter((key) => !known.includes(key));
    if (unknown.length > 0) {
      metric.dispose();
      throw new Error(`Expected config keys of metric ${metric.className} among [${known.join(', ')}], received unknown [${unknown.join(', ')}]`);
    }
    return metric;
  }

  /** Frees the state variables; the metric cannot be used afterwards. */
  dispose(): void {
    for (const variable of this.stateVariables) variable.dispose();
    this.stateVariables.length = 0;
  }
}
