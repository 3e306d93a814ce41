import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { meanAbsoluteError } from '../losses/mean-absolute-error';
import { meanAbsolutePercentageError } from '../losses/mean-absolute-percentage-error';
import { meanSquaredError } from '../losses/mean-squared-error';
import { meanSquaredLogarithmicError } from '../losses/mean-squared-logarithmic-error';
import { alignShapes } from '../utils/shapes';
import type { MetricArgs } from './metric';
import { MeanMetricWrapper, WeightedMean } from './mean';

/**
 * The streaming mean squared error (Keras `metrics.MeanSquaredError`, what `'mse'` gives).
 *
 * @example
 * ```ts
 * const metric = new MeanSquaredError();
 * metric.updateState(tf.tensor2d([[1], [2]]), tf.tensor2d([[2], [2]]));
 * metric.resultValue(); // 0.5
 * ```
 */
export class MeanSquaredError extends MeanMetricWrapper {
  static override className = 'MeanSquaredError';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  /** @param args `name` (`mean_squared_error`) */
  constructor(args: MetricArgs = {}) {
    super(meanSquaredError, args.name ?? 'mean_squared_error', args);
  }
}

/**
 * The streaming mean absolute error (Keras `metrics.MeanAbsoluteError`, what `'mae'` gives).
 *
 * @example
 * ```ts
 * const metric = new MeanAbsoluteError({ name: 'mae' });
 * ```
 */
export class MeanAbsoluteError extends MeanMetricWrapper {
  static override className = 'MeanAbsoluteError';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  /** @param args `name` (`mean_absolute_error`) */
  constructor(args: MetricArgs = {}) {
    super(meanAbsoluteError, args.name ?? 'mean_absolute_error', args);
  }
}

/**
 * The streaming mean absolute percentage error (Keras `metrics.MeanAbsolutePercentageError`).
 *
 * @example
 * ```ts
 * const metric = new MeanAbsolutePercentageError();
 * ```
 */
export class MeanAbsolutePercentageError extends MeanMetricWrapper {
  static override className = 'MeanAbsolutePercentageError';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  /** @param args `name` (`mean_absolute_percentage_error`) */
  constructor(args: MetricArgs = {}) {
    super(meanAbsolutePercentageError, args.name ?? 'mean_absolute_percentage_error', args);
  }
}

/**
 * The streaming mean squared logarithmic error (Keras `metrics.MeanSquaredLogarithmicError`).
 *
 * @example
 * ```ts
 * const metric = new MeanSquaredLogarithmicError();
 * ```
 */
export class MeanSquaredLogarithmicError extends MeanMetricWrapper {
  static override className = 'MeanSquaredLogarithmicError';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  /** @param args `name` (`mean_squared_logarithmic_error`) */
  constructor(args: MetricArgs = {}) {
    super(meanSquaredLogarithmicError, args.name ?? 'mean_squared_logarithmic_error', args);
  }
}

/**
 * `√(mean of squared errors)` over everything seen (Keras `RootMeanSquaredError`): the root is
 * taken of the running mean, not averaged per batch.
 *
 * @example
 * ```ts
 * const metric = new RootMeanSquaredError();
 * metric.updateState(tf.tensor2d([[1], [2], [4]]), tf.tensor2d([[2], [2], [2]]));
 * metric.resultValue(); // √(5/3)
 * ```
 */
export class RootMeanSquaredError extends WeightedMean {
  static override className = 'RootMeanSquaredError';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});

  /** @param args `name` (`root_mean_squared_error`) */
  constructor(args: MetricArgs = {}) {
    super(args.name ?? 'root_mean_squared_error', args);
  }

  /**
   * Adds the squared errors of one batch.
   *
   * @throws Error when the shapes are not compatible or the weights do not fit
   */
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => {
      const [t, p] = alignShapes(yTrue, yPred, this.owner);
      this.updateValues(tf.squaredDifference(p, t), sampleWeight);
    });
  }

  override result(): tf.Tensor {
    return tf.tidy(() => tf.sqrt(super.result()));
  }
}
