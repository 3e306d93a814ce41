import { tf } from '@dendrite/backend';
import { checkInteger, describeValue, optionKeys } from '@dendrite/backend/internal';
import { checkTensor } from '../utils/shapes';
import { EPSILON } from '../losses/epsilon';
import { Metric } from './metric';

/** Arguments of {@link IoU}. */
export interface IoUArgs {
  /** The number of classes: the confusion matrix is `numClasses × numClasses`. */
  numClasses: number;
  /** The classes whose IoU is averaged (one id: that class's IoU). */
  targetClassIds: number[];
  /** A label left out of the counts (a "void" class such as 255 or −1). */
  ignoreClass?: number | null;
  /** Labels are class ids (true) or one-hot / scores reduced by argmax over `axis` (false). */
  sparseYTrue?: boolean;
  /** Predictions are class ids (true) or scores reduced by argmax over `axis` (false). */
  sparseYPred?: boolean;
  /** The class axis of dense labels and predictions (−1). */
  axis?: number;
  /** The metric's name (Keras's automatic one: `io_u`). */
  name?: string;
}

/**
 * Intersection over union for target classes, `TP / (TP + FP + FN)` per class from a weighted
 * confusion matrix accumulated over batches, averaged over the `targetClassIds` that occur
 * (Keras 3's `IoU`). Labels and predictions are flattened, so segmentation maps work as they are.
 *
 * @example
 * ```ts
 * const iou = new IoU({ numClasses: 2, targetClassIds: [0] });
 * iou.updateState(tf.tensor1d([0, 0, 1, 1]), tf.tensor1d([0, 1, 0, 1]));
 * iou.resultValue(); // 1/3, as Keras's docstring
 * ```
 */
export class IoU extends Metric {
  static override className = 'IoU';
  static override readonly optionKeys = optionKeys<IoUArgs, { name?: string }>({ numClasses: true, targetClassIds: true, ignoreClass: true, sparseYTrue: true, sparseYPred: true, axis: true });
  readonly numClasses: number;
  readonly targetClassIds: number[];
  readonly ignoreClass: number | null;
  readonly sparseYTrue: boolean;
  readonly sparseYPred: boolean;
  readonly axis: number;
  /** `[true class, predicted class]` weights, summed over batches. */
  private readonly totalConfusion: tf.Variable;

  /**
   * @param args `numClasses`, `targetClassIds`, `ignoreClass`, `sparseYTrue` (true), `sparseYPred` (true), `axis` (−1), `name`
   * @param defaultName the subclass's Keras name
   * @param given what the user passed, checked against the class's option keys (a subclass resolves `args` from it)
   * @throws TypeError for an unknown option or target ids that are not a list; RangeError naming the argument for
   *   `numClasses` < 1 or a target id outside [0, numClasses)
   */
  constructor(args: IoUArgs, defaultName = 'io_u', given: object = args) {
    super(args?.name ?? defaultName, given);
    this.numClasses = checkInteger(args.numClasses, 'numClasses', this.owner, 1);
    if (!Array.isArray(args.targetClassIds) || args.targetClassIds.length === 0) throw new TypeError(`Expected targetClassIds to be a non-empty list of class ids, received ${describeValue(args.targetClassIds)} in ${this.owner}`);
    for (const id of args.targetClassIds) {
      if (!(Number.isInteger(id) && id >= 0 && id < this.numClasses)) throw new RangeError(`Expected targetClassIds in [0, ${this.numClasses}), received ${describeValue(id)} in ${this.owner}`);
    }
    this.targetClassIds = [...args.targetClassIds];
    this.ignoreClass = args.ignoreClass ?? null;
    this.sparseYTrue = args.sparseYTrue ?? true;
    this.sparseYPred = args.sparseYPred ?? true;
    this.axis = args.axis ?? -1;
    this.totalConfusion = this.addState([this.numClasses, this.numClasses]);
  }

  /**
   * Adds one batch to the confusion matrix.
   *
   * @param yTrue class ids (or dense labels with `sparseYTrue: false`)
   * @param yPred class ids (or scores with `sparseYPred: false`)
   * @param sampleWeight optional weights broadcastable to the labels (0 masks a value)
   * @throws Error when labels and predictions hold different numbers of values
   */
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    checkTensor(yTrue, 'yTrue', this.owner);
    checkTensor(yPred, 'yPred', this.owner);
    tf.tidy(() => {
      let labels = tf.reshape(this.sparseYTrue ? tf.cast(yTrue, 'float32') : tf.cast(tf.argMax(yTrue, this.axis), 'float32'), [-1]);
      let predictions = tf.reshape(this.sparseYPred ? this.predictedClasses(yPred) : tf.cast(tf.argMax(yPred, this.axis), 'float32'), [-1]);
      if (labels.size !== predictions.size) throw new Error(`Expected as many labels as predictions, received ${labels.size} and ${predictions.size} in ${this.owner}`);
      let weights = tf.broadcastTo(sampleWeight ? tf.reshape(tf.cast(sampleWeight, 'float32'), sampleWeight.rank > 1 ? [-1] : sampleWeight.shape) : tf.scalar(1), labels.shape);
      if (this.ignoreClass !== null) {
        const valid = tf.cast(tf.notEqual(labels, this.ignoreClass), 'float32');
        [labels, predictions, weights] = [tf.mul(labels, valid), tf.mul(predictions, valid), tf.mul(weights, valid)];
      }
      const trueOneHot = tf.mul(tf.oneHot(tf.cast(labels, 'int32'), this.numClasses), tf.expandDims(weights, 1));
      const predictedOneHot = tf.oneHot(tf.cast(predictions, 'int32'), this.numClasses);
      this.totalConfusion.assign(tf.add(this.totalConfusion, tf.matMul(trueOneHot, tf.cast(predictedOneHot, 'float32'), true, false)));
    });
  }

  /** The predicted class ids of a batch; BinaryIoU thresholds scores here. */
  protected predictedClasses(yPred: tf.Tensor): tf.Tensor {
    return tf.cast(yPred, 'float32');
  }

  /** The mean IoU of the target classes that occur (0 before any update). */
  result(): tf.Tensor {
    return tf.tidy(() => {
      const confusion = this.totalConfusion;
      const truePositives = tf.sum(tf.mul(confusion, tf.eye(this.numClasses)), 1);
      const denominator = tf.sub(tf.add(tf.sum(confusion, 0), tf.sum(confusion, 1)), truePositives);
      const ids = tf.tensor1d(this.targetClassIds, 'int32');
      const targetDenominator = tf.gather(denominator, ids);
      const present = tf.sum(tf.cast(tf.greater(targetDenominator, 1e-9), 'float32'));
      const iou = tf.div(tf.gather(truePositives, ids), tf.add(targetDenominator, EPSILON));
      return tf.div(tf.sum(iou), tf.add(present, EPSILON));
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), num_classes: this.numClasses, target_class_ids: this.targetClassIds, ignore_class: this.ignoreClass, sparse_y_true: this.sparseYTrue, sparse_y_pred: this.sparseYPred, axis: this.axis };
  }
}
