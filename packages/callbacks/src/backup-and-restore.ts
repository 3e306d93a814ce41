import { Callback } from './callback';
import { nodeFs, writeTextAtomic } from './node-fs';

/** Options of {@link BackupAndRestore}. */
export interface BackupAndRestoreOptions {
  /** `'epoch'` (default) or every N batches. */
  saveFreq?: 'epoch' | number;
  /** Remove the backup when training ends normally (true). */
  deleteCheckpoint?: boolean;
}

/**
 * Backs training up into `backupDir` at each epoch's end (weights and optimizer state, then a
 * small JSON with the epoch, each written atomically), so that a killed run, started again with
 * the same callback, resumes where it was: `fit` reads {@link initialEpoch} after `onTrainBegin`.
 */
export class BackupAndRestore extends Callback {
  readonly saveFreq: 'epoch' | number;
  readonly deleteCheckpoint: boolean;
  /** The epoch to resume from (0 when there is no backup); `fit` reads it after onTrainBegin. */
  initialEpoch = 0;
  private batches = 0;
  private epoch = 0;

  constructor(
    readonly backupDir: string,
    options: BackupAndRestoreOptions = {},
  ) {
    super();
    this.saveFreq = options.saveFreq ?? 'epoch';
    this.deleteCheckpoint = options.deleteCheckpoint ?? true;
  }

  private paths() {
    const { path } = nodeFs('BackupAndRestore');
    return { state: path.join(this.backupDir, 'training-state.dndr'), meta: path.join(this.backupDir, 'backup.json') };
  }

  override async onTrainBegin(): Promise<void> {
    const { fs } = nodeFs('BackupAndRestore');
    const { state, meta } = this.paths();
    this.initialEpoch = 0;
    if (!fs.existsSync(meta)) return;
    const { epoch } = JSON.parse(fs.readFileSync(meta, 'utf8')) as { epoch: number };
    await this.model!.loadTrainingState(state);
    this.initialEpoch = epoch + 1;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override async onBatchEnd(): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    this.batches += 1;
    if (this.batches % this.saveFreq === 0) await this.backup(this.epoch - 1);
  }

  override async onEpochEnd(epoch: number): Promise<void> {
    if (this.saveFreq === 'epoch') await this.backup(epoch);
  }

  private async backup(completedEpoch: number): Promise<void> {
    const { fs } = nodeFs('BackupAndRestore');
    const { state, meta } = this.paths();
    fs.mkdirSync(this.backupDir, { recursive: true });
    await this.model!.saveTrainingState(state);
    writeTextAtomic(meta, JSON.stringify({ epoch: completedEpoch }), 'BackupAndRestore');
  }

  override onTrainEnd(): void {
    if (!this.deleteCheckpoint || this.model!.stopTraining) return;
    nodeFs('BackupAndRestore').fs.rmSync(this.backupDir, { recursive: true, force: true });
  }
}

/** Makes a {@link BackupAndRestore}. */
export const backupAndRestore = (backupDir: string, options: BackupAndRestoreOptions = {}) => new BackupAndRestore(backupDir, options);
