import { tf } from '@dendrite/backend';
import { confusionCounts } from './confusion-metrics';
import { Metric } from './metric';

/** Arguments of {@link AUC}. */
export interface AUCArgs {
  /** Thresholds between 0 and 1 (200). */
  numThresholds?: number;
  /** ROC (default) or precision–recall. */
  curve?: 'ROC' | 'PR';
  name?: string;
}

/**
 * Area under the ROC or PR curve, approximated over `numThresholds` thresholds as Keras: ROC by
 * the trapezoidal rule, PR by Davis & Goadrich's interpolation.
 */
export class AUC extends Metric {
  static override className = 'AUC';
  readonly numThresholds: number;
  readonly curve: 'ROC' | 'PR';
  private readonly thresholds: number[];
  private readonly state: Record<'tp' | 'fp' | 'tn' | 'fn', tf.Variable>;

  constructor(args: AUCArgs = {}) {
    super(args.name ?? 'auc');
    this.numThresholds = args.numThresholds ?? 200;
    if (!Number.isInteger(this.numThresholds) || this.numThresholds < 2) {
      throw new Error(`Expected numThresholds to be an integer ≥ 2, received ${JSON.stringify(args.numThresholds)} in metric "${this.name}"`);
    }
    const curve = (args.curve ?? 'ROC').toUpperCase();
    if (curve !== 'ROC' && curve !== 'PR') throw new Error(`Expected curve to be ROC or PR, received ${JSON.stringify(args.curve)} in metric "${this.name}"`);
    this.curve = curve;
    const epsilon = 1e-7;
    const inner = Array.from({ length: this.numThresholds - 2 }, (_, i) => (i + 1) / (this.numThresholds - 1));
    this.thresholds = [0 - epsilon, ...inner, 1 + epsilon];
    const n = this.thresholds.length;
    this.state = { tp: this.addState([n]), fp: this.addState([n]), tn: this.addState([n]), fn: this.addState([n]) };
  }

  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => {
      const counts = confusionCounts(yTrue, yPred, this.thresholds, sampleWeight, `metric "${this.name}"`);
      this.state.tp.assign(tf.add(this.state.tp, counts.truePositives));
      this.state.fp.assign(tf.add(this.state.fp, counts.falsePositives));
      this.state.tn.assign(tf.add(this.state.tn, counts.trueNegatives));
      this.state.fn.assign(tf.add(this.state.fn, counts.falseNegatives));
    });
  }

  result(): tf.Tensor {
    return tf.tidy(() => {
      const { tp, fp, tn, fn } = this.state;
      const n = this.thresholds.length;
      const head = (x: tf.Tensor) => tf.slice(x, [0], [n - 1]);
      const tail = (x: tf.Tensor) => tf.slice(x, [1], [n - 1]);
      if (this.curve === 'PR') {
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
      const truePositiveRate = tf.divNoNan(tp, tf.add(tp, fn));
      const falsePositiveRate = tf.divNoNan(fp, tf.add(fp, tn));
      const widths = tf.sub(head(falsePositiveRate), tail(falsePositiveRate));
      const heights = tf.div(tf.add(head(truePositiveRate), tail(truePositiveRate)), 2);
      return tf.sum(tf.mul(widths, heights));
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), num_thresholds: this.numThresholds, curve: this.curve };
  }
}
