import { tf } from '@dendrite/backend';
import { optionKeys, checkInteger, checkNumber, inInterval } from '@dendrite/backend/internal';
import { NEG_INF, confusionCounts } from './confusion-counts';
import { Metric } from './metric';

/** Arguments of {@link Precision} and {@link Recall}. */
export interface ConfusionRatioArgs {
  /** One threshold or several, in [0, 1]; 0.5 by default (none with `topK`). */
  thresholds?: number | number[] | null;
  /** Only the `topK` highest scores of each sample count as predicted positive. */
  topK?: number | null;
  /** Only this class (index on the last axis) is measured. */
  classId?: number | null;
  /** The metric's name. */
  name?: string;
}

function checkThresholds(thresholds: unknown, owner: string): number[] {
  const list = Array.isArray(thresholds) ? thresholds : [thresholds];
  if (list.length === 0) throw new Error(`Expected thresholds to be a number or a non-empty list in [0, 1], received [] in ${owner}`);
  list.forEach((threshold, index) => checkNumber(threshold, Array.isArray(thresholds) ? `thresholds[${index}]` : 'thresholds', owner, inInterval(0, 1)));
  return list as number[];
}

/**
 * `TP / (TP + other)` at one or several thresholds, accumulated over batches: the shared body of
 * Precision (other = FP) and Recall (other = FN), as Keras.
 */
abstract class ConfusionRatio extends Metric {
  static override readonly optionKeys = optionKeys<ConfusionRatioArgs, { name?: string }>({ thresholds: true, topK: true, classId: true });
  readonly thresholds: number[];
  readonly topK: number | undefined;
  readonly classId: number | undefined;
  private readonly userThresholds: number | number[] | undefined;
  private readonly truePositives: tf.Variable;
  private readonly otherCount: tf.Variable;

  constructor(
    args: ConfusionRatioArgs,
    defaultName: string,
    private readonly other: 'falsePositives' | 'falseNegatives',
  ) {
    super(args.name ?? defaultName, args);
    this.topK = args.topK == null ? undefined : checkInteger(args.topK, 'topK', this.owner, 1);
    this.classId = args.classId == null ? undefined : checkInteger(args.classId, 'classId', this.owner, 0);
    this.userThresholds = args.thresholds ?? undefined;
    if (args.thresholds != null) this.thresholds = checkThresholds(args.thresholds, this.owner);
    else this.thresholds = this.topK === undefined ? [0.5] : [NEG_INF];
    this.truePositives = this.addState([this.thresholds.length]);
    this.otherCount = this.addState([this.thresholds.length]);
  }

  /**
   * Adds one batch's counts.
   *
   * @param yTrue labels (nonzero is positive), the shape of `yPred`
   * @param yPred scores in [0, 1]
   * @param sampleWeight optional weights, one per sample or broadcastable to `yPred`
   * @throws Error when the shapes or weights do not fit
   */
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => {
      const counts = confusionCounts(yTrue, yPred, this.thresholds, { sampleWeight, topK: this.topK, classId: this.classId, owner: this.owner });
      this.truePositives.assign(tf.add(this.truePositives, counts.truePositives));
      this.otherCount.assign(tf.add(this.otherCount, counts[this.other]));
    });
  }

  /** The ratio: a scalar for one threshold, one value per threshold otherwise (0 where undefined). */
  result(): tf.Tensor {
    return tf.tidy(() => {
      const ratio = tf.divNoNan(this.truePositives, tf.add(this.truePositives, this.otherCount));
      return this.thresholds.length === 1 ? tf.reshape(ratio, []) : ratio;
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), thresholds: this.userThresholds ?? null, top_k: this.topK ?? null, class_id: this.classId ?? null };
  }
}

/**
 * Precision, `TP / (TP + FP)`: of the samples predicted positive, how many are (Keras
 * `Precision`).
 *
 * @example
 * ```ts
 * const precision = new Precision();
 * precision.updateState(tf.tensor1d([0, 1, 1, 1]), tf.tensor1d([1, 0, 1, 1]));
 * precision.resultValue(); // 2/3
 * ```
 */
export class Precision extends ConfusionRatio {
  static override className = 'Precision';
  static override readonly optionKeys = optionKeys<ConfusionRatioArgs, ConfusionRatioArgs>({});
  /**
   * @param args `thresholds` (0.5), `topK`, `classId`, `name` (`precision`)
   * @throws Error when a threshold is outside [0, 1] or `topK` / `classId` is not a valid integer
   */
  constructor(args: ConfusionRatioArgs = {}) {
    super(args, 'precision', 'falsePositives');
  }
}

/**
 * Recall, `TP / (TP + FN)`: of the positive samples, how many are predicted so (Keras `Recall`).
 *
 * @example
 * ```ts
 * const recall = new Recall({ thresholds: [0.3, 0.7] });
 * recall.updateState(labels, scores);
 * recall.result(); // one value per threshold
 * ```
 */
export class Recall extends ConfusionRatio {
  static override className = 'Recall';
  static override readonly optionKeys = optionKeys<ConfusionRatioArgs, ConfusionRatioArgs>({});
  /**
   * @param args `thresholds` (0.5), `topK`, `classId`, `name` (`recall`)
   * @throws Error when a threshold is outside [0, 1] or `topK` / `classId` is not a valid integer
   */
  constructor(args: ConfusionRatioArgs = {}) {
    super(args, 'recall', 'falseNegatives');
  }
}
