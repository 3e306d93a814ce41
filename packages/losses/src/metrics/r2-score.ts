import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, checkInteger } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { Metric } from './metric';

/** How R² of several outputs is combined: Keras's `class_aggregation` (`null` keeps one per output). */
export type ClassAggregation = 'uniform_average' | 'variance_weighted_average' | null;

/** Arguments of {@link R2Score}. */
export interface R2ScoreArgs {
  /** `'uniform_average'` (the mean over outputs), `'variance_weighted_average'` or `null` (one score per output). */
  classAggregation?: ClassAggregation;
  /** The number of regressors for the adjusted R² (0: the plain R²). */
  numRegressors?: number;
  /** The metric's name (`r2_score`). */
  name?: string;
}

const AGGREGATIONS: readonly ClassAggregation[] = ['uniform_average', 'variance_weighted_average', null];

/**
 * The coefficient of determination, `1 − Σ(y − ŷ)² / Σ(y − ȳ)²`, accumulated over batches per
 * output (the last axis), as Keras 3's `R2Score`: weighted sums of `y`, `y²` and the squared
 * residuals; an output whose targets never vary scores 0 (and so does a metric that has seen nothing, where Keras gives NaN). With `numRegressors` p > 0 it is the
 * adjusted R², `1 − (1 − R²)(n − 1)/(n − p − 1)`, while there are more values n than p + 1.
 *
 * @example
 * ```ts
 * const r2 = new R2Score();
 * r2.updateState(tf.tensor2d([[1], [4], [3]]), tf.tensor2d([[2], [4], [4]]));
 * r2.resultValue(); // 0.5714, as Keras's docstring
 * ```
 */
export class R2Score extends Metric {
  static override className = 'R2Score';
  static override readonly optionKeys = optionKeys<R2ScoreArgs, { name?: string }>({ classAggregation: true, numRegressors: true });
  readonly classAggregation: ClassAggregation;
  readonly numRegressors: number;
  private readonly numSamples: tf.Variable;
  private sums: { sum: tf.Variable; squaredSum: tf.Variable; residual: tf.Variable; count: tf.Variable } | undefined;

  /**
   * @param args `classAggregation` (`'uniform_average'`), `numRegressors` (0), `name` (`r2_score`)
   * @throws TypeError for an unknown option; Error naming the argument for an unknown `classAggregation` or a negative `numRegressors`
   */
  constructor(args: R2ScoreArgs = {}) {
    super(args.name ?? 'r2_score', args);
    const aggregation = args.classAggregation === undefined ? 'uniform_average' : args.classAggregation;
    if (!AGGREGATIONS.includes(aggregation)) throw new Error(`Expected classAggregation to be "uniform_average", "variance_weighted_average" or null, received ${describeValue(aggregation)} in ${this.owner}`);
    this.classAggregation = aggregation;
    this.numRegressors = checkInteger(args.numRegressors ?? 0, 'numRegressors', this.owner, 0);
    this.numSamples = this.addState();
  }

  /**
   * Adds one batch.
   *
   * @param yTrue targets, `[batch, outputs]` (or `[batch]`)
   * @param yPred predictions, the shape of `yTrue`
   * @param sampleWeight optional weights, one per sample (`[batch]`) or one per value
   * @throws Error when the shapes differ or are not `[batch, outputs]`
   */
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => {
      const [t, p] = alignShapes(yTrue, yPred, this.owner, { broadcast: false });
      if (t.rank !== 2) throw new Error(`Expected yTrue and yPred of shape [batch, outputs], received [${yTrue.shape.join(', ')}] and [${yPred.shape.join(', ')}] in ${this.owner}`);
      const outputs = t.shape[1] as number;
      const sums = (this.sums ??= { sum: this.addState([outputs]), squaredSum: this.addState([outputs]), residual: this.addState([outputs]), count: this.addState([outputs]) });
      let weight: tf.Tensor = sampleWeight ? tf.cast(sampleWeight, 'float32') : tf.scalar(1);
      if (weight.rank === 1) weight = tf.expandDims(weight, 1);
      weight = tf.broadcastTo(weight, t.shape);
      const weightedTrue = tf.mul(t, weight);
      sums.sum.assign(tf.add(sums.sum, tf.sum(weightedTrue, 0)));
      sums.squaredSum.assign(tf.add(sums.squaredSum, tf.sum(tf.mul(t, weightedTrue), 0)));
      sums.residual.assign(tf.add(sums.residual, tf.sum(tf.mul(tf.square(tf.sub(t, p)), weight), 0)));
      sums.count.assign(tf.add(sums.count, tf.sum(weight, 0)));
      this.numSamples.assign(tf.add(this.numSamples, t.size));
    });
  }

  /** R² (adjusted with `numRegressors`): a scalar, or one per output with `classAggregation: null`; 0 before any update. */
  result(): tf.Tensor {
    const sums = this.sums;
    if (!sums) return tf.scalar(0);
    return tf.tidy(() => {
      const mean = tf.divNoNan(sums.sum, sums.count);
      const total = tf.sub(sums.squaredSum, tf.mul(sums.sum, mean));
      // Targets that never vary score 0, as Keras's inf → 0 (Keras gives NaN when nothing was seen).
      const scores = tf.where(tf.equal(total, 0), tf.zerosLike(total), tf.sub(1, tf.div(sums.residual, total)));
      let r2: tf.Tensor = this.classAggregation === 'uniform_average' ? tf.mean(scores) : this.classAggregation === 'variance_weighted_average' ? tf.divNoNan(tf.sum(tf.mul(total, scores)), tf.sum(total)) : scores;
      if (this.numRegressors !== 0) {
        const n = this.numSamples;
        const adjusted = tf.sub(1, tf.div(tf.mul(tf.sub(1, r2), tf.sub(n, 1)), tf.sub(tf.sub(n, this.numRegressors), 1)));
        // Keras falls back to the plain R² (with a warning) unless n − 1 > p.
        r2 = tf.where(tf.greater(tf.sub(n, 1), this.numRegressors), adjusted, r2);
      }
      return r2;
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), class_aggregation: this.classAggregation, num_regressors: this.numRegressors };
  }
}
