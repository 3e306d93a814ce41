import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, checkNumber, inInterval, argumentError } from '@dendrite/backend/internal';
import { checkTensor } from '../utils/shapes';
import { EPSILON } from '../losses/epsilon';
import { Metric } from './metric';

/** How per-class scores are combined: Keras's `average` (`null` keeps one score per class). */
export type ScoreAverage = 'micro' | 'macro' | 'weighted' | null;

/** Arguments of {@link FBetaScore}. */
export interface FBetaScoreArgs {
  /** `null` (a score per class), `'micro'` (global counts), `'macro'` (mean of classes) or `'weighted'` (by support). */
  average?: ScoreAverage;
  /** > 0: how much recall weighs against precision (1). */
  beta?: number;
  /** In (0, 1]: scores above it are positive; `null` marks each row's highest score only. */
  threshold?: number | null;
  /** The metric's name (`fbeta_score`). */
  name?: string;
}

/** Arguments of {@link F1Score}: those of {@link FBetaScore} but `beta`, which is 1. */
export type F1ScoreArgs = Omit<FBetaScoreArgs, 'beta'>;

const AVERAGES: readonly ScoreAverage[] = [null, 'micro', 'macro', 'weighted'];

/**
 * The F-beta score, `(1 + β²)·P·R / (β²·P + R)`, accumulated over batches from true positives,
 * false positives and false negatives per class (Keras 3's `FBetaScore`, multi-class and
 * multi-label). Inputs are `[batch, classes]`; predictions become 0/1 by `threshold`, or by each
 * row's maximum when it is `null`.
 *
 * @example
 * ```ts
 * const f = new FBetaScore({ beta: 2, threshold: 0.5 });
 * f.updateState(tf.tensor2d([[1, 1, 1], [1, 0, 0], [1, 1, 0]]), tf.tensor2d([[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]]));
 * f.result(); // [0.3846, 0.9091, 0.8333], as Keras's docstring
 * ```
 */
export class FBetaScore extends Metric {
  static override className = 'FBetaScore';
  static override readonly optionKeys = optionKeys<FBetaScoreArgs, { name?: string }>({ average: true, beta: true, threshold: true });
  readonly average: ScoreAverage;
  readonly beta: number;
  readonly threshold: number | null;
  private counts: { truePositives: tf.Variable; falsePositives: tf.Variable; falseNegatives: tf.Variable; support: tf.Variable } | undefined;

  /**
   * @param args `average` (null), `beta` (1), `threshold` (null), `name` (`fbeta_score`)
   * @throws TypeError for an unknown option; Error naming the argument for an unknown `average`,
   *   a `beta` ≤ 0 or a `threshold` outside (0, 1]
   */
  constructor(args: FBetaScoreArgs = {}, defaultName = 'fbeta_score') {
    super(args.name ?? defaultName, args);
    if (!AVERAGES.includes(args.average ?? null)) throw new Error(`Expected average to be null, "micro", "macro" or "weighted", received ${describeValue(args.average)} in ${this.owner}`);
    this.average = args.average ?? null;
    this.beta = args.beta ?? 1;
    if (!(typeof this.beta === 'number' && this.beta > 0 && Number.isFinite(this.beta))) throw argumentError(args.beta, 'number', `Expected beta to be a finite number > 0, received ${describeValue(args.beta)} in ${this.owner}`);
    this.threshold = args.threshold == null ? null : checkNumber(args.threshold, 'threshold', this.owner, inInterval(0, 1));
    if (this.threshold === 0) throw new Error(`Expected threshold to be a number in (0, 1], received 0 in ${this.owner}`);
  }

  /**
   * Adds one batch's counts.
   *
   * @param yTrue 0/1 labels, `[batch, classes]`
   * @param yPred scores, `[batch, classes]`
   * @param sampleWeight optional, one weight per sample (`[batch]`)
   * @throws Error when the inputs are not both `[batch, classes]` with the same classes
   */
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    checkTensor(yTrue, 'yTrue', this.owner);
    checkTensor(yPred, 'yPred', this.owner);
    if (yTrue.rank !== 2 || yPred.rank !== 2 || yTrue.shape[1] !== yPred.shape[1]) {
      throw new Error(`Expected yTrue and yPred of shape [batch, classes], received [${yTrue.shape.join(', ')}] and [${yPred.shape.join(', ')}] in ${this.owner}`);
    }
    const counts = (this.counts ??= (() => {
      const shape = this.average === 'micro' ? [] : [yPred.shape[1] as number];
      return { truePositives: this.addState(shape), falsePositives: this.addState(shape), falseNegatives: this.addState(shape), support: this.addState(shape) };
    })());
    tf.tidy(() => {
      const predicted = this.threshold === null
        ? tf.cast(tf.logicalAnd(tf.greaterEqual(yPred, tf.max(yPred, -1, true)), tf.greater(tf.abs(yPred), 1e-9)), 'float32')
        : tf.cast(tf.greater(yPred, this.threshold), 'float32');
      const actual = tf.cast(yTrue, 'float32');
      const weighted = (values: tf.Tensor) => (sampleWeight ? tf.mul(values, tf.reshape(tf.cast(sampleWeight, 'float32'), [-1, 1])) : values);
      const total = (values: tf.Tensor) => (this.average === 'micro' ? tf.sum(weighted(values)) : tf.sum(weighted(values), 0));
      counts.truePositives.assign(tf.add(counts.truePositives, total(tf.mul(predicted, actual))));
      counts.falsePositives.assign(tf.add(counts.falsePositives, total(tf.mul(predicted, tf.sub(1, actual)))));
      counts.falseNegatives.assign(tf.add(counts.falseNegatives, total(tf.mul(tf.sub(1, predicted), actual))));
      counts.support.assign(tf.add(counts.support, total(actual)));
    });
  }

  /** One score per class (`average: null`) or a scalar; 0 before any update. */
  result(): tf.Tensor {
    const counts = this.counts;
    if (!counts) return tf.scalar(0);
    return tf.tidy(() => {
      const { truePositives: tp, falsePositives: fp, falseNegatives: fn, support } = counts;
      const precision = tf.div(tp, tf.add(tf.add(tp, fp), EPSILON));
      const recall = tf.div(tp, tf.add(tf.add(tp, fn), EPSILON));
      const squared = this.beta ** 2;
      const score = tf.mul(tf.div(tf.mul(precision, recall), tf.add(tf.add(tf.mul(precision, squared), recall), EPSILON)), 1 + squared);
      if (this.average === 'weighted') return tf.sum(tf.mul(score, tf.div(support, tf.add(tf.sum(support), EPSILON))));
      return this.average === null ? score : tf.mean(score);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), average: this.average, beta: this.beta, threshold: this.threshold };
  }
}

/**
 * The F1 score, the harmonic mean of precision and recall: {@link FBetaScore} with β = 1
 * (Keras 3's `F1Score`).
 *
 * @example
 * ```ts
 * const f1 = new F1Score({ threshold: 0.5 });
 * f1.updateState(tf.tensor2d([[1, 1, 1], [1, 0, 0], [1, 1, 0]]), tf.tensor2d([[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]]));
 * f1.result(); // [0.5, 0.8, 0.6667], as Keras's docstring
 * ```
 */
export class F1Score extends FBetaScore {
  static override className = 'F1Score';
  static override readonly optionKeys = optionKeys<F1ScoreArgs, F1ScoreArgs>({});
  static readonly omittedOptionKeys = ['beta'];

  /**
   * @param args `average` (null), `threshold` (null), `name` (`f1_score`)
   * @throws TypeError for an unknown option (`beta` included); Error for an unknown `average` or a `threshold` outside (0, 1]
   */
  constructor(args: F1ScoreArgs = {}) {
    super(args, 'f1_score');
  }

  override getConfig(): Record<string, unknown> {
    const { beta: _beta, ...config } = super.getConfig();
    return config;
  }
}
