import { describeValue, optionKeys, checkInteger } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { pathAndOptions } from './callback-options';
import { EventFileWriter } from './event-file-writer';
import { nodeFs } from './node-fs';
import { histogramEvent, histogramProto, scalarEvent } from './tensorboard-events';
import type { Logs } from './training-model';

/** Options of {@link TensorBoard}; Keras's names and defaults. */
export interface TensorBoardOptions {
  /** The folder of the run's `train` and `validation` subfolders (`'logs'`), Keras's first argument: given here or first, not both. */
  logDir?: string;
  /**
   * When batch scalars (`batch_loss`, …) are written: `'epoch'` (default, never), `'batch'`
   * (every batch) or a number N (every N batches). Writing them reads each such batch's logs.
   */
  updateFreq?: 'epoch' | 'batch' | number;
  /** Write weight histograms every N epochs (0, never). */
  histogramFreq?: number;
  /**
   * Only `false`: Dendrite writes no graph, so asking for one (Keras's default, `true`) is
   * refused rather than ignored; `false` is accepted for code that says so.
   */
  writeGraph?: false;
}

/**
 * Writes real TensorBoard event files, in pure JS, so `tensorboard --logdir <logDir>` shows the
 * run: Keras 3's layout and tags. `logDir/train` gets `epoch_loss`, `epoch_accuracy`, …,
 * `epoch_learning_rate` at step = epoch, `batch_<name>` at step = batches seen (with
 * `updateFreq`), and weight histograms tagged `<weight path>/histogram` (`dense/kernel/histogram`;
 * Keras 3 uses the short name, `kernel/histogram`, which collides across layers) every
 * `histogramFreq` epochs; `logDir/validation` gets the `val_` values, prefix stripped
 * (`epoch_loss`). Files are created when first needed, flushed at each epoch's end and closed
 * when training ends; each run of `fit` adds new files. Node only.
 *
 * @example
 * ```ts
 * const logDir = `logs/run_${new Date().toISOString().replace(/[:.]/g, '-')}`;
 * await model.fit(x, y, { epochs: 30, validationSplit: 0.2, callbacks: [tensorBoard(logDir)] });
 * // then: tensorboard --logdir logs
 * ```
 */
export class TensorBoard extends Callback {
  /** The keys of {@link TensorBoardOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<TensorBoardOptions>({ logDir: true, updateFreq: true, histogramFreq: true, writeGraph: true });
  /** The folder of this run's `train` and `validation` subfolders. */
  readonly logDir: string;
  readonly updateFreq: 'epoch' | number;
  readonly histogramFreq: number;
  private writers = new Map<'train' | 'validation', EventFileWriter>();
  private globalTrainBatch = 0;

  /**
   * @param logDir - the folder of this run's `train` and `validation` subfolders (`'logs'`)
   * @throws TypeError for an unknown option
   * @throws Error when `logDir` is empty, `updateFreq` or `histogramFreq` is not a valid count, or `writeGraph` is true
   */
  constructor(logDir?: string, options?: Omit<TensorBoardOptions, 'logDir'>);
  /** @param options - Keras's arguments, `logDir` among them */
  constructor(options: TensorBoardOptions);
  constructor(first?: string | TensorBoardOptions, second?: TensorBoardOptions) {
    super();
    const { path, options } = pathAndOptions<TensorBoardOptions>(first, second, 'logDir', new.target, 'TensorBoard', 'logs');
    this.logDir = path;
    if (options.writeGraph !== undefined && options.writeGraph !== false) {
      throw new Error(`Expected writeGraph to be false in TensorBoard (Dendrite writes no graph), received ${describeValue(options.writeGraph)}`);
    }
    const updateFreq = options.updateFreq ?? 'epoch';
    if (updateFreq !== 'epoch' && updateFreq !== 'batch' && !(Number.isInteger(updateFreq) && updateFreq > 0)) {
      throw new Error(`Expected updateFreq to be 'epoch', 'batch' or an integer ≥ 1 in TensorBoard, received ${JSON.stringify(updateFreq)}`);
    }
    this.updateFreq = updateFreq === 'batch' ? 1 : updateFreq;
    this.histogramFreq = checkInteger(options.histogramFreq ?? 0, 'histogramFreq', 'TensorBoard', 0);
  }

  /** Batch scalars only with a numeric `updateFreq`: otherwise fit skips preparing batch logs. */
  override implementsBatchHooks(): boolean {
    return this.updateFreq !== 'epoch';
  }

  private writer(run: 'train' | 'validation'): EventFileWriter {
    let writer = this.writers.get(run);
    if (!writer) {
      writer = new EventFileWriter(nodeFs('TensorBoard').path.join(this.logDir, run));
      this.writers.set(run, writer);
    }
    return writer;
  }

  override onTrainBegin(): void {
    this.globalTrainBatch = 0;
    this.closeWriters();
  }

  override onBatchEnd(_batch: number, logs?: Logs): void {
    this.globalTrainBatch += 1;
    if (this.globalTrainBatch % (this.updateFreq as number) !== 0 || !logs) return;
    const wallTime = Date.now() / 1000;
    const train = this.writer('train');
    for (const key of Object.keys(logs)) train.write(scalarEvent(this.globalTrainBatch, wallTime, `batch_${key}`, logs[key]));
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    const wallTime = Date.now() / 1000;
    const trainLogs: Logs = {};
    const validationLogs: Logs = {};
    for (const [key, value] of Object.entries(logs)) {
      if (key.startsWith('val_')) validationLogs[key.slice(4)] = value;
      else trainLogs[key] = value;
    }
    const learningRate = this.learningRate();
    if (learningRate !== undefined) trainLogs.learning_rate = learningRate;
    for (const [run, runLogs] of [['train', trainLogs], ['validation', validationLogs]] as const) {
      for (const [key, value] of Object.entries(runLogs)) this.writer(run).write(scalarEvent(epoch, wallTime, `epoch_${key}`, value));
    }
    if (this.histogramFreq > 0 && epoch % this.histogramFreq === 0 && this.model) {
      for (const { name, value } of this.model.namedWeights()) {
        const values = (await value.data()) as ArrayLike<number>;
        this.writer('train').write(histogramEvent(epoch, wallTime, `${name.replace(/:/g, '_')}/histogram`, histogramProto(values)));
      }
    }
    for (const writer of this.writers.values()) writer.flush();
  }

  override onTrainEnd(): void {
    this.closeWriters();
  }

  /** The optimizer's rate, as Keras 3 logs it; none when the model cannot tell (not compiled). */
  private learningRate(): number | undefined {
    try {
      const rate = this.model?.getLearningRate();
      return typeof rate === 'number' ? rate : undefined;
    } catch {
      return undefined;
    }
  }

  private closeWriters(): void {
    for (const writer of this.writers.values()) writer.close();
    this.writers.clear();
  }
}

/**
 * Makes a {@link TensorBoard} callback: the folder first, or inside the options as Keras's `logDir`.
 *
 * @example `tensorBoard('logs/run1', { histogramFreq: 1 })`, `tensorBoard({ logDir: 'logs/run1', updateFreq: 'batch' })`
 */
export function tensorBoard(logDir?: string, options?: Omit<TensorBoardOptions, 'logDir'>): TensorBoard;
export function tensorBoard(options: TensorBoardOptions): TensorBoard;
export function tensorBoard(first?: string | TensorBoardOptions, second?: Omit<TensorBoardOptions, 'logDir'>): TensorBoard {
  return new TensorBoard(first as string, second);
}
