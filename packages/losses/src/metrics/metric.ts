import { tf } from '@dendrite/backend';
import { alignWeights } from '../losses/loss';

/**
 * The base of every streaming metric, as Keras's `Metric`: state in non-trainable variables,
 * `updateState` per batch (no values read back), `result()` when asked, `resetState()` per epoch.
 */
export abstract class Metric {
  static className = 'Metric';
  readonly name: string;
  private readonly stateVariables: tf.Variable[] = [];

  constructor(name: string) {
    this.name = name;
  }

  get className(): string {
    return (this.constructor as typeof Metric).className;
  }

  /** Accumulates one batch. */
  abstract updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void;

  /** The metric over everything accumulated since the last reset (a scalar, or a vector for several thresholds). */
  abstract result(): tf.Tensor;

  /** The result as a number (reads it back from the backend). */
  resultValue(): number {
    const value = this.result();
    const number = value.dataSync()[0];
    value.dispose();
    return number;
  }

  /** Starts over. */
  resetState(): void {
    tf.tidy(() => {
      for (const variable of this.stateVariables) variable.assign(tf.zerosLike(variable));
    });
  }

  /** Makes a zero-filled state variable. */
  protected addState(shape: number[] = []): tf.Variable {
    const zeros = tf.zeros(shape);
    const variable = tf.variable(zeros, false);
    zeros.dispose();
    this.stateVariables.push(variable);
    return variable;
  }

  getConfig(): Record<string, unknown> {
    return { name: this.name };
  }

  /** Frees the state variables. */
  dispose(): void {
    for (const variable of this.stateVariables) variable.dispose();
  }
}

/** The (weighted) mean of the values it is given: Keras's `Mean`. */
export class Mean extends Metric {
  static override className = 'Mean';
  private readonly total: tf.Variable;
  private readonly count: tf.Variable;

  constructor(args: { name?: string } = {}) {
    super(args.name ?? 'mean');
    this.total = this.addState();
    this.count = this.addState();
  }

  /** Adds values (any shape) with optional weights to the running mean. */
  updateValues(values: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => {
      const v = values.dtype === 'float32' ? values : tf.cast(values, 'float32');
      if (sampleWeight === undefined) {
        this.total.assign(tf.add(this.total, tf.sum(v)));
        this.count.assign(tf.add(this.count, v.size));
        return;
      }
      const weights = tf.broadcastTo(alignWeights(sampleWeight, v, this.name), v.shape);
      this.total.assign(tf.add(this.total, tf.sum(tf.mul(v, weights))));
      this.count.assign(tf.add(this.count, tf.sum(weights)));
    });
  }

  /** For Mean itself, `yTrue` holds the values (Keras's `Mean.update_state(values)`). */
  updateState(values: tf.Tensor, _unused?: tf.Tensor, sampleWeight?: tf.Tensor): void {
    this.updateValues(values, sampleWeight);
  }

  result(): tf.Tensor {
    return tf.tidy(() => tf.divNoNan(this.total, this.count));
  }
}

/** A metric from a per-sample function, averaged over samples: Keras's `MeanMetricWrapper`. */
export class MeanMetricWrapper extends Mean {
  static override className = 'MeanMetricWrapper';
  constructor(
    readonly fn: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor,
    name: string,
  ) {
    super({ name });
  }
  override updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => this.updateValues(this.fn(yTrue, yPred), sampleWeight));
  }
}
