import { tf } from '@dendrite/backend';
import { checkNumber, optionKeys } from '@dendrite/backend/internal';
import { IoU, type IoUArgs } from './iou';

/** Arguments of {@link MeanIoU}: those of {@link IoU} without `targetClassIds` (every class). */
export type MeanIoUArgs = Omit<IoUArgs, 'targetClassIds'>;

/**
 * The mean IoU over every class that occurs (Keras 3's `MeanIoU`).
 *
 * @example
 * ```ts
 * const meanIoU = new MeanIoU({ numClasses: 2 });
 * meanIoU.updateState(tf.tensor1d([0, 0, 1, 1]), tf.tensor1d([0, 1, 0, 1]), tf.tensor1d([0.3, 0.3, 0.3, 0.1]));
 * meanIoU.resultValue(); // 0.2381, as Keras's docstring
 * ```
 */
export class MeanIoU extends IoU {
  static override className = 'MeanIoU';
  static override readonly optionKeys = optionKeys<MeanIoUArgs, MeanIoUArgs>({});
  static readonly omittedOptionKeys: readonly string[] = ['targetClassIds'];

  /** @throws TypeError for an unknown option (`targetClassIds` included); Error for `numClasses` < 1 */
  constructor(args: MeanIoUArgs, defaultName = 'mean_io_u', given: object = args) {
    super({ ...args, targetClassIds: Array.from({ length: Number.isInteger(args?.numClasses) ? args.numClasses : 0 }, (_, i) => i) }, defaultName, given);
  }

  override getConfig(): Record<string, unknown> {
    const { target_class_ids: _ids, ...config } = super.getConfig();
    return config;
  }
}

/** Arguments of {@link BinaryIoU}. */
export interface BinaryIoUArgs {
  /** `[0]`, `[1]` or `[0, 1]` (the default): the classes averaged. */
  targetClassIds?: number[];
  /** Scores ≥ `threshold` are class 1, the rest class 0 (0.5). */
  threshold?: number;
  /** The metric's name (`binary_io_u`). */
  name?: string;
}

/**
 * IoU of classes 0 and/or 1 for a binary task: scores are thresholded, then {@link IoU} with two
 * classes (Keras 3's `BinaryIoU`).
 *
 * @example
 * ```ts
 * const iou = new BinaryIoU({ targetClassIds: [0, 1], threshold: 0.3 });
 * iou.updateState(tf.tensor1d([0, 1, 0, 1]), tf.tensor1d([0.1, 0.2, 0.4, 0.7]));
 * iou.resultValue(); // 1/3, as Keras's docstring
 * ```
 */
export class BinaryIoU extends IoU {
  static override className = 'BinaryIoU';
  // IoU's keys are not this class's: it reads only these (Keras's constructor takes no others).
  static override readonly optionKeys = optionKeys<BinaryIoUArgs>({ targetClassIds: true, threshold: true, name: true });
  static readonly omittedOptionKeys: readonly string[] = ['numClasses', 'ignoreClass', 'sparseYTrue', 'sparseYPred', 'axis'];
  readonly threshold: number;

  /** @throws TypeError for an unknown option; Error for a target id outside [0, 2) */
  constructor(args: BinaryIoUArgs = {}) {
    const threshold = args.threshold ?? 0.5;
    super({ numClasses: 2, targetClassIds: args.targetClassIds ?? [0, 1], ...(args.name !== undefined ? { name: args.name } : {}) }, 'binary_io_u', args);
    this.threshold = checkNumber(threshold, 'threshold', this.owner);
  }

  protected override predictedClasses(yPred: tf.Tensor): tf.Tensor {
    return tf.cast(tf.greaterEqual(yPred, this.threshold), 'float32');
  }

  override getConfig(): Record<string, unknown> {
    return { name: this.name, target_class_ids: this.targetClassIds, threshold: this.threshold };
  }
}

/** Arguments of {@link OneHotIoU}: those of {@link IoU}, labels always one-hot. */
export type OneHotIoUArgs = Omit<IoUArgs, 'sparseYTrue'>;

/**
 * {@link IoU} for one-hot labels and score predictions, both reduced by argmax over `axis`
 * (Keras 3's `OneHotIoU`; `sparseYPred: true` takes class-id predictions).
 *
 * @example
 * ```ts
 * new OneHotIoU({ numClasses: 3, targetClassIds: [0, 2] });
 * ```
 */
export class OneHotIoU extends IoU {
  static override className = 'OneHotIoU';
  static override readonly optionKeys = optionKeys<OneHotIoUArgs, OneHotIoUArgs>({});
  static readonly omittedOptionKeys: readonly string[] = ['sparseYTrue'];

  /** @throws TypeError for an unknown option; Error for `numClasses` < 1 or a target id out of range */
  constructor(args: OneHotIoUArgs) {
    super({ sparseYPred: false, ...args, sparseYTrue: false }, 'one_hot_io_u', args);
  }

  override getConfig(): Record<string, unknown> {
    const { sparse_y_true: _sparse, ...config } = super.getConfig();
    return config;
  }
}

/** Arguments of {@link OneHotMeanIoU}: those of {@link MeanIoU}, labels always one-hot. */
export type OneHotMeanIoUArgs = Omit<MeanIoUArgs, 'sparseYTrue'>;

/**
 * {@link MeanIoU} for one-hot labels and score predictions (Keras 3's `OneHotMeanIoU`).
 *
 * @example
 * ```ts
 * new OneHotMeanIoU({ numClasses: 3 });
 * ```
 */
export class OneHotMeanIoU extends MeanIoU {
  static override className = 'OneHotMeanIoU';
  static override readonly optionKeys = optionKeys<OneHotMeanIoUArgs, OneHotMeanIoUArgs>({});
  static override readonly omittedOptionKeys: readonly string[] = ['targetClassIds', 'sparseYTrue'];

  /** @throws TypeError for an unknown option; Error for `numClasses` < 1 */
  constructor(args: OneHotMeanIoUArgs) {
    super({ sparseYPred: false, ...args, sparseYTrue: false }, 'one_hot_mean_io_u', args);
  }

  override getConfig(): Record<string, unknown> {
    const { sparse_y_true: _sparse, ...config } = super.getConfig();
    return config;
  }
}
