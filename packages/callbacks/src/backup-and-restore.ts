import { type RandomState, getRandomState, setRandomState } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { checkSaveFreq, pathAndOptions } from './callback-options';
import { nodeFs, writeTextAtomic } from './node-fs';

/** Options of {@link BackupAndRestore}; Keras's arguments and defaults. */
export interface BackupAndRestoreOptions {
  /** The folder of the backup (created when needed), Keras's first argument: given here or first, not both. */
  backupDir?: string;
  /** `'epoch'` (default): back up at each epoch's end; a number N: every N batches. */
  saveFreq?: 'epoch' | number;
  /** Remove the backup folder when training ends normally (true). */
  deleteCheckpoint?: boolean;
}

/** What `training-metadata.json` holds (snake_case on disk). */
interface TrainingMetadata {
  /** The epoch to resume from (the epochs completed). */
  epoch: number;
  /** The last batch seen in that epoch when the backup was a batch-level one, else 0. */
  batch: number;
  /** The file holding weights and optimizer state, in the backup folder. */
  state_file: string;
  /** A counter naming each backup's state file. */
  save_count: number;
  /**
   * Where the seeded random stream was (shuffling, dropout), so that a resumed run draws what the
   * uninterrupted one drew; absent for a run without `setSeed` (Math.random cannot be restored).
   */
  random_state?: RandomState;
  /**
   * Where the own streams of layers built with a `seed` (`dropout({rate, seed})`) were, by layer
   * name; absent when no layer has one.
   */
  layer_random_states?: Record<string, Record<string, number>>;
}

const METADATA = 'training-metadata.json';
const STATE_FILE = /^training-state-\d+\.dndr$/;

/**
 * Backs training up so that a killed run, started again with a BackupAndRestore on the same
 * folder, resumes where it was (Keras's `BackupAndRestore`). At each epoch's end (or every
 * `saveFreq` batches) it writes `model.saveTrainingState` (weights and optimizer state) to a new
 * file in `backupDir`, then `training-metadata.json` naming it, atomically (temporary file and
 * rename), then removes the older state file: a crash at any point leaves a consistent backup.
 *
 * With each backup goes the state of the seeded random stream (`setSeed`), from which shuffling
 * and dropout draw, and of the own streams of layers built with a `seed` (`dropout({rate, seed})`,
 * noise and random augmentation layers, found through the model's `layers`): a run resumed from an epoch's backup is then bit for bit the uninterrupted
 * one. (A mid-epoch backup resumes the epoch from its start, as Keras, so it repeats batches.)
 *
 * At `onTrainBegin`, when a backup exists, it loads it with `model.loadTrainingState`, restores the
 * random stream and the seeded layers' own streams, and sets {@link initialEpoch}; `fit` reads that after `onTrainBegin` and starts there. When training ends
 * normally the folder is removed (`deleteCheckpoint`). A run ended by `model.stopTraining`
 * (EarlyStopping, TerminateOnNaN, a callback simulating a kill) keeps its backup, so that run can
 * be resumed; Keras removes it on every `on_train_end` and keeps it only when fit throws.
 *
 * Node only (it writes files); `backupDir` must not be shared with other callbacks.
 *
 * @example
 * ```ts
 * // Run this script again after a crash: it continues from the last finished epoch.
 * await model.fit(x, y, { epochs: 50, callbacks: [backupAndRestore('/tmp/backup')] });
 * ```
 */
export class BackupAndRestore extends Callback {
  /** The keys of {@link BackupAndRestoreOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<BackupAndRestoreOptions>({ backupDir: true, saveFreq: true, deleteCheckpoint: true });
  /** The folder of the backup. */
  readonly backupDir: string;
  readonly saveFreq: 'epoch' | number;
  readonly deleteCheckpoint: boolean;
  /**
   * The epoch (0-based) `fit` resumes from: 0 when there was no backup, else the number of epochs
   * the backed-up run completed. Set by `onTrainBegin`; `fit` reads it right after.
   */
  initialEpoch = 0;
  private currentEpoch = 0;
  private batchesSinceSave = 0;
  private saveCount = 0;

  /**
   * @param backupDir - the folder of the backup (created when needed)
   * @throws TypeError for an unknown option
   * @throws Error when `backupDir` is missing or empty, or `saveFreq` is neither `'epoch'` nor an integer ≥ 1
   */
  constructor(backupDir: string, options?: Omit<BackupAndRestoreOptions, 'backupDir'>);
  /** @param options - Keras's arguments, `backupDir` among them */
  constructor(options: BackupAndRestoreOptions & { backupDir: string });
  constructor(first: string | BackupAndRestoreOptions, second?: BackupAndRestoreOptions) {
    super();
    const { path, options } = pathAndOptions<BackupAndRestoreOptions>(first, second, 'backupDir', new.target, 'BackupAndRestore');
    this.backupDir = path;
    this.saveFreq = checkSaveFreq(options.saveFreq, 'BackupAndRestore');
    this.deleteCheckpoint = options.deleteCheckpoint ?? true;
  }

  /** @throws Error when the backup cannot be read or loaded into the model (the model is unchanged then) */
  override async onTrainBegin(): Promise<void> {
    const { fs, path } = nodeFs('BackupAndRestore');
    this.initialEpoch = 0;
    this.currentEpoch = 0;
    this.batchesSinceSave = 0;
    this.saveCount = 0;
    const metadataPath = path.join(this.backupDir, METADATA);
    if (!fs.existsSync(metadataPath)) return;
    let metadata: TrainingMetadata;
    try {
      metadata = JSON.parse(fs.readFileSync(metadataPath, 'utf8')) as TrainingMetadata;
    } catch (error) {
      throw new Error(`Expected ${metadataPath} to hold the JSON of a BackupAndRestore backup, received unreadable content (${(error as Error).message})`);
    }
    if (!Number.isInteger(metadata.epoch) || metadata.epoch < 0 || typeof metadata.state_file !== 'string') {
      throw new Error(`Expected ${metadataPath} to hold {epoch, state_file}, received ${JSON.stringify(metadata)}`);
    }
    await this.model!.loadTrainingState(path.join(this.backupDir, metadata.state_file));
    if (metadata.random_state !== undefined) setRandomState(metadata.random_state);
    if (metadata.layer_random_states !== undefined) this.restoreLayerStreams(metadata.layer_random_states, metadataPath);
    this.saveCount = (metadata.save_count ?? 0) + 1;
    this.initialEpoch = metadata.epoch;
    this.currentEpoch = metadata.epoch;
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
  }

  /** Backs up on batches only with a numeric `saveFreq`. */
  override implementsBatchHooks(): boolean {
    return this.saveFreq !== 'epoch';
  }

  override async onBatchEnd(batch: number): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    this.batchesSinceSave += 1;
    if (this.batchesSinceSave < this.saveFreq) return;
    this.batchesSinceSave = 0;
    // Mid-epoch: resuming repeats this epoch from its start, with the weights of this batch (Keras).
    await this.backup(this.currentEpoch, batch);
  }

  override async onEpochEnd(epoch: number): Promise<void> {
    if (this.saveFreq === 'epoch') await this.backup(epoch + 1, 0);
  }

  override onTrainEnd(): void {
    if (!this.deleteCheckpoint || this.model?.stopTraining) return;
    nodeFs('BackupAndRestore').fs.rmSync(this.backupDir, { recursive: true, force: true });
  }

  /** The own random streams of the model's seeded layers, by layer name (layers without a `seed` left out). */
  private layerStreams(): Record<string, Record<string, number>> {
    const states: Record<string, Record<string, number>> = {};
    for (const layer of this.model!.layers ?? []) {
      const own = layer.getRandomStates?.() ?? {};
      if (Object.keys(own).length > 0) states[layer.name] = own;
    }
    return states;
  }

  /** Puts the seeded layers' streams back; throws naming the file when the model has no such layer. */
  private restoreLayerStreams(states: Record<string, Record<string, number>>, metadataPath: string): void {
    const layers = new Map((this.model!.layers ?? []).map((layer) => [layer.name, layer]));
    for (const [name, own] of Object.entries(states)) {
      const layer = layers.get(name);
      if (layer?.setRandomStates === undefined) {
        throw new Error(`Expected model "${this.model!.name}" to have a seeded layer "${name}" to restore the random stream ${metadataPath} recorded, received none`);
      }
      layer.setRandomStates(own);
    }
  }

  private async backup(resumeEpoch: number, batch: number): Promise<void> {
    const { fs, path } = nodeFs('BackupAndRestore');
    fs.mkdirSync(this.backupDir, { recursive: true });
    const stateFile = `training-state-${this.saveCount}.dndr`;
    await this.model!.saveTrainingState(path.join(this.backupDir, stateFile));
    const randomState = getRandomState();
    const layerStates = this.layerStreams();
    const metadata: TrainingMetadata = {
      epoch: resumeEpoch, batch, state_file: stateFile, save_count: this.saveCount,
      ...(randomState.seeded ? { random_state: randomState } : {}),
      ...(Object.keys(layerStates).length > 0 ? { layer_random_states: layerStates } : {}),
    };
    writeTextAtomic(path.join(this.backupDir, METADATA), JSON.stringify(metadata), 'BackupAndRestore');
    this.saveCount += 1;
    for (const name of fs.readdirSync(this.backupDir)) {
      if (STATE_FILE.test(name) && name !== stateFile) fs.rmSync(path.join(this.backupDir, name), { recursive: true, force: true });
    }
  }
}

/**
 * Makes a {@link BackupAndRestore} callback: the folder first, or inside the options as Keras's `backupDir`.
 *
 * @example `backupAndRestore('/tmp/backup', { saveFreq: 100 })`, `backupAndRestore({ backupDir: '/tmp/backup' })`
 */
export function backupAndRestore(backupDir: string, options?: Omit<BackupAndRestoreOptions, 'backupDir'>): BackupAndRestore;
export function backupAndRestore(options: BackupAndRestoreOptions & { backupDir: string }): BackupAndRestore;
export function backupAndRestore(first: string | (BackupAndRestoreOptions & { backupDir: string }), second?: Omit<BackupAndRestoreOptions, 'backupDir'>): BackupAndRestore {
  return new BackupAndRestore(first as string, second);
}
