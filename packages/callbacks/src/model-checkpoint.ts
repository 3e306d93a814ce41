import { optionKeys } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { checkSaveFreq, pathAndOptions } from './callback-options';
import { type MonitorMode, WarnOnce, improves, resolveMode } from './monitor';
import { formatValueWithSpec, pythonFormat } from './python-format';
import type { Logs } from './training-model';

/** Options of {@link ModelCheckpoint}; Keras's arguments and defaults. */
export interface ModelCheckpointOptions {
  /**
   * The file name template (`'ckpt-{epoch:02d}.keras'`), Keras's first argument: given here or
   * first, `modelCheckpoint('ckpt.keras', {...})`, not both.
   */
  filepath?: string;
  /** The logged value `saveBestOnly` compares (`'val_loss'`). */
  monitor?: string;
  /** 1 prints a line for each save or skipped save (0). */
  verbose?: 0 | 1;
  /** Save only when `monitor` improves on the best so far (false). */
  saveBestOnly?: boolean;
  /** Save the weights only (`model.saveWeights`) instead of the whole model (false). */
  saveWeightsOnly?: boolean;
  /** `'min'`, `'max'`, or `'auto'` from the name (see {@link resolveMode}). */
  mode?: MonitorMode;
  /** `'epoch'` (default): save at each epoch's end; a number N: every N batches. */
  saveFreq?: 'epoch' | number;
  /** With `saveBestOnly`, a value the monitored one must beat before the first save. */
  initialValueThreshold?: number;
}

/**
 * Saves the model (or only its weights) to `filepath`, a Python format template filled with the
 * 1-based `epoch` (and `batch` for batch saves) and the logs:
 * `'weights.{epoch:02d}-{val_loss:.4f}.h5'` → `weights.03-0.1235.h5` (see {@link pythonFormat}).
 * The writes go through `model.save` / `model.saveWeights`, which are atomic on the model's side.
 * As Keras, with `saveBestOnly` a missing monitored value warns and saves anyway.
 *
 * @example
 * ```ts
 * const checkpoint = modelCheckpoint({ filepath: 'best.dndr', monitor: 'val_accuracy', saveBestOnly: true });
 * // or, the path first: modelCheckpoint('best.dndr', { monitor: 'val_accuracy', saveBestOnly: true })
 * await model.fit(x, y, { epochs: 20, validationSplit: 0.2, callbacks: [checkpoint] });
 * ```
 */
export class ModelCheckpoint extends Callback {
  /** The keys of {@link ModelCheckpointOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<ModelCheckpointOptions>({
    filepath: true, monitor: true, verbose: true, saveBestOnly: true, saveWeightsOnly: true, mode: true, saveFreq: true, initialValueThreshold: true,
  });
  /** The file name template. */
  readonly filepath: string;
  readonly monitor: string;
  readonly verbose: 0 | 1;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly saveFreq: 'epoch' | number;
  readonly mode: 'min' | 'max';
  /** The best monitored value saved so far (`initialValueThreshold`, else ±Infinity). */
  best: number;
  /** The paths written so far, in order. */
  readonly saved: string[] = [];
  private batchesSinceSave = 0;
  private currentEpoch = 0;
  private readonly warnings = new WarnOnce();

  /**
   * @param filepath - the template of the file name (`'ckpt-{epoch:02d}.dndr'`)
   * @param options - Keras's other arguments
   * @throws TypeError for an unknown option (`save_best_only` → `saveBestOnly`)
   * @throws Error when `filepath` is missing or empty, `saveFreq` is neither `'epoch'` nor an integer ≥ 1, or `mode` is unknown
   */
  constructor(filepath: string, options?: Omit<ModelCheckpointOptions, 'filepath'>);
  /** @param options - Keras's arguments, `filepath` among them */
  constructor(options: ModelCheckpointOptions & { filepath: string });
  constructor(first: string | ModelCheckpointOptions, second?: ModelCheckpointOptions) {
    super();
    const { path, options } = pathAndOptions<ModelCheckpointOptions>(first, second, 'filepath', new.target, 'ModelCheckpoint');
    this.filepath = path;
    this.monitor = options.monitor ?? 'val_loss';
    this.verbose = options.verbose ?? 0;
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.saveWeightsOnly = options.saveWeightsOnly ?? false;
    this.saveFreq = checkSaveFreq(options.saveFreq, 'ModelCheckpoint');
    this.mode = resolveMode(this.monitor, options.mode ?? 'auto', 'ModelCheckpoint');
    this.best = options.initialValueThreshold ?? (this.mode === 'min' ? Infinity : -Infinity);
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
  }

  /** Saves on batches only with a numeric `saveFreq`. */
  override implementsBatchHooks(): boolean {
    return this.saveFreq !== 'epoch';
  }

  override async onBatchEnd(batch: number, logs?: Logs): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    this.batchesSinceSave += 1;
    if (this.batchesSinceSave < this.saveFreq) return;
    this.batchesSinceSave = 0;
    await this.save(this.currentEpoch, batch, logs ?? {});
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    if (this.saveFreq === 'epoch') await this.save(epoch, null, logs ?? {});
  }

  private async save(epoch: number, batch: number | null, logs: Logs): Promise<void> {
    const values: Record<string, number | bigint> = { ...logs, epoch: BigInt(epoch + 1) };
    if (batch !== null && !('batch' in logs)) values.batch = BigInt(batch + 1);
    const path = pythonFormat(this.filepath, values);
    if (!this.shouldSave(epoch, logs, path)) return;
    if (this.saveWeightsOnly) await this.model!.saveWeights(path);
    else await this.model!.save(path);
    this.saved.push(path);
    if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: finished saving model to ${path}`);
  }

  private shouldSave(epoch: number, logs: Logs, path: string): boolean {
    if (!this.saveBestOnly) {
      if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: saving model to ${path}`);
      return true;
    }
    const current = logs[this.monitor];
    if (current === undefined || current === null) {
      this.warnings.warn(`Can save best model only with ${this.monitor} available.`);
      return true;
    }
    const bestText = formatValueWithSpec(this.best, '.5f');
    if (improves(current, this.best, this.mode, 0)) {
      if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ${this.monitor} improved from ${bestText} to ${formatValueWithSpec(current, '.5f')}, saving model to ${path}`);
      this.best = current;
      return true;
    }
    if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ${this.monitor} did not improve from ${bestText}`);
    return false;
  }
}

/**
 * Makes a {@link ModelCheckpoint}: the path first, or inside the options as Keras's `filepath`.
 *
 * @example `modelCheckpoint('model-{epoch:02d}.dndr')`, `modelCheckpoint({ filepath: 'best.keras', saveBestOnly: true })`
 */
export function modelCheckpoint(filepath: string, options?: Omit<ModelCheckpointOptions, 'filepath'>): ModelCheckpoint;
export function modelCheckpoint(options: ModelCheckpointOptions & { filepath: string }): ModelCheckpoint;
export function modelCheckpoint(first: string | (ModelCheckpointOptions & { filepath: string }), second?: Omit<ModelCheckpointOptions, 'filepath'>): ModelCheckpoint {
  return new ModelCheckpoint(first as string, second);
}
