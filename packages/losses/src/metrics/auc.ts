import { tf } from '@dendrite/backend';
import { optionKeys, checkInteger, describeValue } from '@dendrite/backend/internal';
import { EPSILON } from '../losses/epsilon';
import { bucketedConfusionCounts } from './confusion-counts';
import { Metric } from './metric';

/** Arguments of {@link AUC}. */
export interface AUCArgs {
  /** How many thresholds approximate the curve, ≥ 2; 200 by default. */
  numThresholds?: number;
  /** `ROC` (default) or `PR` (precision–recall); any case. */
  curve?: 'ROC' | 'PR' | 'roc' | 'pr';
  /**
   * How the area is summed: `interpolation` (default: trapezoids for ROC, Davis & Goadrich's
   * interpolation for PR), `minoring` (lower sums) or `majoring` (upper sums).
   */
  summationMethod?: 'interpolation' | 'minoring' | 'majoring';
  /** Whether predictions are logits (passed through a sigmoid first); false by default. */
  fromLogits?: boolean;
  /** The metric's name (`auc`). */
  name?: string;
}

/**
 * The area under the ROC or precision–recall curve, accumulated over batches as Keras's `AUC`:
 * true/false positives/negatives are counted at `numThresholds` evenly spaced thresholds
 * (`[−ε, 1/(n−1), …, 1 + ε]`), and the area is a Riemann sum over them.
 *
 * @example
 * ```ts
 * const auc = new AUC({ numThresholds: 3 });
 * auc.updateState(tf.tensor1d([0, 0, 1, 1]), tf.tensor1d([0, 0.5, 0.3, 0.9]));
 * auc.resultValue(); // 0.75
 * ```
 */
export class AUC extends Metric {
  static override className = 'AUC';
  static override readonly optionKeys = optionKeys<AUCArgs, { name?: string }>({ numThresholds: true, curve: true, summationMethod: true, fromLogits: true });
  readonly numThresholds: number;
  readonly curve: 'ROC' | 'PR';
  readonly summationMethod: 'interpolation' | 'minoring' | 'majoring';
  readonly fromLogits: boolean;
  private readonly counts: Record<'truePositives' | 'falsePositives' | 'trueNegatives' | 'falseNegatives', tf.Variable>;

  /**
   * @param args `numThresholds` (200), `curve` (`ROC`), `summationMethod` (`interpolation`), `fromLogits`, `name`
   * @throws Error when `numThresholds` is not an integer ≥ 2, or `curve` / `summationMethod` is unknown
   */
  constructor(args: AUCArgs = {}) {
    super(args.name ?? 'auc', args);
    this.numThresholds = checkInteger(args.numThresholds ?? 200, 'numThresholds', this.owner, 2);
    const curve = typeof args.curve === 'string' ? args.curve.toUpperCase() : args.curve ?? 'ROC';
    if (curve !== 'ROC' && curve !== 'PR') throw new Error(`Expected curve to be ROC or PR, received ${describeValue(args.curve)} in ${this.owner}`);
    this.curve = curve;
    const method = typeof args.summationMethod === 'string' ? args.summationMethod.toLowerCase() : args.summationMethod ?? 'interpolation';
    if (method !== 'interpolation' && method !== 'minoring' && method !== 'majoring') {
      throw new Error(`Expected summationMethod to be interpolation, minoring or majoring, received ${describeValue(args.summationMethod)} in ${this.owner}`);
    }
    this.summationMethod = method;
    this.fromLogits = args.fromLogits ?? false;
    const n = this.numThresholds;
    this.counts = { truePositives: this.addState([n]), falsePositives: this.addState([n]), trueNegatives: this.addState([n]), falseNegatives: this.addState([n]) };
  }

  /** The thresholds the curve is sampled at, `[−ε, 1/(n−1), …, (n−2)/(n−1), 1 + ε]`. */
  get thresholds(): number[] {
    const n = this.numThresholds;
    return [-EPSILON, ...Array.from({ length: n - 2 }, (_, i) => (i + 1) / (n - 1)), 1 + EPSILON];
  }

  /**
   * Adds one batch's counts.
   *
   * @param yTrue labels (nonzero is positive), the shape of `yPred`
   * @param yPred probabilities (clipped to [0, 1]), or logits with `fromLogits`
   * @param sampleWeight optional weights, one per sample or broadcastable to `yPred`
   * @throws Error when the shapes or weights do not fit
   */
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => {
      const scores = this.fromLogits ? tf.sigmoid(yPred) : yPred;
      const counts = bucketedConfusionCounts(yTrue, scores, this.numThresholds, { sampleWeight, owner: this.owner });
      for (const key of Object.keys(this.counts) as Array<keyof AUC['counts']>) this.counts[key].assign(tf.add(this.counts[key], counts[key]));
    });
  }

  /** The area under the curve, a scalar in [0, 1]. */
  result(): tf.Tensor {
    return tf.tidy(() => {
      const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = this.counts;
      const n = this.numThresholds;
      const head = (x: tf.Tensor) => tf.slice(x, [0], [n - 1]);
      const tail = (x: tf.Tensor) => tf.slice(x, [1], [n - 1]);
      if (this.curve === 'PR' && this.summationMethod === 'interpolation') return this.interpolatePrAuc(head, tail);
      const recall = tf.divNoNan(tp, tf.add(tp, fn));
      const [x, y] = this.curve === 'ROC' ? [tf.divNoNan(fp, tf.add(fp, tn)), recall] : [recall, tf.divNoNan(tp, tf.add(tp, fp))];
      const heights =
        this.summationMethod === 'interpolation'
          ? tf.div(tf.add(head(y), tail(y)), 2)
          : this.summationMethod === 'minoring'
            ? tf.minimum(head(y), tail(y))
            : tf.maximum(head(y), tail(y));
      return tf.sum(tf.mul(tf.sub(head(x), tail(x)), heights));
    });
  }

  /**
   * Keras's `interpolate_pr_auc` (Davis & Goadrich 2006): within each interval TP and the number
   * predicted positive P vary linearly, so the area is `slope·(ΔTP + intercept·log(P_A / P_B)) / positives`.
   */
  private interpolatePrAuc(head: (x: tf.Tensor) => tf.Tensor, tail: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = this.counts;
    const dtp = tf.sub(head(tp), tail(tp));
    const predicted = tf.add(tp, fp);
    const dp = tf.sub(head(predicted), tail(predicted));
    const slope = tf.divNoNan(dtp, tf.maximum(dp, 0));
    const intercept = tf.sub(tail(tp), tf.mul(slope, tail(predicted)));
    const bothPositive = tf.logicalAnd(tf.greater(head(predicted), 0), tf.greater(tail(predicted), 0));
    const ratio = tf.where(bothPositive, tf.divNoNan(head(predicted), tf.maximum(tail(predicted), 0)), tf.onesLike(dp));
    const increments = tf.divNoNan(tf.mul(slope, tf.add(dtp, tf.mul(intercept, tf.log(ratio)))), tf.maximum(tf.add(tail(tp), tail(fn)), 0));
    return tf.sum(increments);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), num_thresholds: this.numThresholds, curve: this.curve, summation_method: this.summationMethod, from_logits: this.fromLogits };
  }
}
