import { tf } from '@dendrite/backend';
import { alignWeights } from '../losses/loss';
import { alignShapes } from '../losses/shapes';
import { Metric } from './metric';

function checkThresholds(thresholds: number | number[], owner: string): number[] {
  const list = Array.isArray(thresholds) ? thresholds : [thresholds];
  if (list.length === 0 || list.some((t) => !(t >= 0 && t <= 1))) {
    throw new Error(`Expected thresholds in [0, 1], received ${JSON.stringify(thresholds)} in metric "${owner}"`);
  }
  return list;
}

/**
 * Counts true/false positives/negatives at each threshold (the state Precision, Recall and AUC
 * share). Predictions above a threshold count as positive; labels are 0/1.
 */
export function confusionCounts(yTrue: tf.Tensor, yPred: tf.Tensor, thresholds: number[], sampleWeight: tf.Tensor | undefined, owner: string) {
  const [t, p] = alignShapes(yTrue, yPred, owner);
  const labels = tf.reshape(tf.cast(tf.greater(t, 0.5), 'float32'), [1, -1]);
  const scores = tf.reshape(p, [1, -1]);
  const weights = sampleWeight === undefined ? tf.onesLike(scores) : tf.reshape(tf.broadcastTo(alignWeights(sampleWeight, p, owner), p.shape), [1, -1]);
  const predicted = tf.cast(tf.greater(scores, tf.reshape(tf.tensor1d(thresholds), [-1, 1])), 'float32'); // [thresholds, n]
  const negatives = tf.sub(1, labels);
  const notPredicted = tf.sub(1, predicted);
  const count = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.mul(a, b), weights), 1);
  return {
    truePositives: count(predicted, labels),
    falsePositives: count(predicted, negatives),
    trueNegatives: count(notPredicted, negatives),
    falseNegatives: count(notPredicted, labels),
  };
}

type CountName = 'truePositives' | 'falsePositives' | 'falseNegatives';

/** A ratio `TP / (TP + other)` of counts accumulated at one or several thresholds. */
abstract class ConfusionRatio extends Metric {
  readonly thresholds: number[];
  private readonly truePositives: tf.Variable;
  private readonly other: tf.Variable;
  constructor(args: { thresholds?: number | number[]; name?: string }, defaultName: string, private readonly otherCount: CountName) {
    super(args.name ?? defaultName);
    this.thresholds = checkThresholds(args.thresholds ?? 0.5, this.name);
    this.truePositives = this.addState([this.thresholds.length]);
    this.other = this.addState([this.thresholds.length]);
  }
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => {
      const counts = confusionCounts(yTrue, yPred, this.thresholds, sampleWeight, `metric "${this.name}"`);
      this.truePositives.assign(tf.add(this.truePositives, counts.truePositives));
      this.other.assign(tf.add(this.other, counts[this.otherCount]));
    });
  }
  result(): tf.Tensor {
    return tf.tidy(() => {
      const value = tf.divNoNan(this.truePositives, tf.add(this.truePositives, this.other));
      return this.thresholds.length === 1 ? tf.reshape(value, []) : value;
    });
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), thresholds: this.thresholds.length === 1 ? this.thresholds[0] : this.thresholds };
  }
}

/** Precision `TP / (TP + FP)` at one threshold (0.5) or several. */
export class Precision extends ConfusionRatio {
  static override className = 'Precision';
  constructor(args: { thresholds?: number | number[]; name?: string } = {}) {
    super(args, 'precision', 'falsePositives');
  }
}

/** Recall `TP / (TP + FN)` at one threshold (0.5) or several. */
export class Recall extends ConfusionRatio {
  static override className = 'Recall';
  constructor(args: { thresholds?: number | number[]; name?: string } = {}) {
    super(args, 'recall', 'falseNegatives');
  }
}
