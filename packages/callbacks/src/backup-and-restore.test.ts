import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { BackupAndRestore, backupAndRestore } from './backup-and-restore';
import { LambdaCallback } from './lambda-callback';
import { WritingFakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
const tempDir = useTempDirs('callbacks');
const fiveEpochs = epochsOf('loss', [1, 1, 1, 1, 1]);
/** Training sets every weight to the epoch's number and the rate to a thousandth of it. */
const train = (model: WritingFakeModel, epoch: number) => {
  model.fill(epoch + 1);
  model.learningRate = (epoch + 1) / 1000;
};
const metadata = (dir: string) => JSON.parse(readFileSync(join(dir, 'training-metadata.json'), 'utf8'));

describe('BackupAndRestore', () => {
  it('resumes a killed run at the next epoch with the backed-up state, then removes the backup', async () => {
    const dir = join(tempDir(), 'backup');
    const killed = await runFit([new BackupAndRestore(dir)], fiveEpochs, { model: new WritingFakeModel(), train, killAfterEpoch: 2 });
    expect(killed.epochs).toEqual([0, 1, 2]);
    expect(metadata(dir)).toEqual({ epoch: 3, batch: 0, state_file: 'training-state-2.dndr', save_count: 2 });
    expect(readdirSync(dir).sort()).toEqual(['training-metadata.json', 'training-state-2.dndr']);
    killed.model.dispose();

    const resumed = backupAndRestore(dir);
    const model = new WritingFakeModel();
    let weightsAtStart: number[][] = [];
    const probe = new LambdaCallback({ onEpochBegin: (epoch) => void (epoch === 3 && (weightsAtStart = model.values())) });
    const { epochs } = await runFit([resumed, probe], fiveEpochs, { model, train });
    expect(resumed.initialEpoch).toBe(3);
    expect(model.calls[0]).toEqual({ method: 'loadTrainingState', path: join(dir, 'training-state-2.dndr') });
    expect(weightsAtStart).toEqual([[3, 3], [3]]);
    expect(epochs).toEqual([3, 4]);
    expect(existsSync(dir)).toBe(false);
    model.dispose();
  });

  it('restores the learning rate with the state, and starts at 0 without a backup', async () => {
    const dir = join(tempDir(), 'backup');
    const fresh = new BackupAndRestore(dir);
    const first = await runFit([fresh], fiveEpochs, { model: new WritingFakeModel(), train, killAfterEpoch: 0 });
    expect(fresh.initialEpoch).toBe(0);
    const model = new WritingFakeModel({ learningRate: 0.5 });
    // Keras's one options object, backupDir among them, restores the same.
    await runFit([backupAndRestore({ backupDir: dir, deleteCheckpoint: false })], fiveEpochs, { model, killAfterEpoch: 1 });
    expect(model.learningRate).toBe(0.001);
    [first.model, model].forEach((m) => m.dispose());
  });

  it('backs up every saveFreq batches, counting across epochs, resuming the epoch in progress', async () => {
    const dir = join(tempDir(), 'backup');
    const { model } = await runFit([new BackupAndRestore(dir, { saveFreq: 3 })], fiveEpochs, { model: new WritingFakeModel(), steps: 4, killAfterEpoch: 1 });
    // Batches 3 (epoch 0, batch 2) and 6 (epoch 1, batch 1) were backed up.
    expect(metadata(dir)).toEqual({ epoch: 1, batch: 1, state_file: 'training-state-1.dndr', save_count: 1 });
    const resumed = new BackupAndRestore(dir, { saveFreq: 3 });
    expect(resumed.implementsBatchHooks()).toBe(true);
    expect(new BackupAndRestore(dir).implementsBatchHooks()).toBe(false);
    const second = await runFit([resumed], fiveEpochs, { model: new WritingFakeModel(), steps: 4, killAfterEpoch: 1 });
    expect(second.epochs).toEqual([1]);
    [model, second.model].forEach((m) => m.dispose());
  });

  it('keeps the backup with deleteCheckpoint false, or when stopTraining ended the run', async () => {
    const kept = join(tempDir(), 'kept');
    const first = await runFit([new BackupAndRestore(kept, { deleteCheckpoint: false })], epochsOf('loss', [1, 1]), { model: new WritingFakeModel() });
    expect(metadata(kept).epoch).toBe(2);
    const stopped = join(tempDir(), 'stopped');
    const model = new WritingFakeModel();
    const stop = new LambdaCallback({ onEpochEnd: (epoch) => void (epoch === 1 && (model.stopTraining = true)) });
    await runFit([new BackupAndRestore(stopped), stop], fiveEpochs, { model });
    expect(metadata(stopped).epoch).toBe(2);
    [first.model, model].forEach((m) => m.dispose());
  });

  it('removes state files a crash left unnamed by the metadata', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'training-state-7.dndr'), 'partial');
    const { model } = await runFit([new BackupAndRestore(dir)], fiveEpochs, { model: new WritingFakeModel(), killAfterEpoch: 0 });
    expect(readdirSync(dir).sort()).toEqual(['training-metadata.json', 'training-state-0.dndr']);
    model.dispose();
  });

  it('says what is wrong with a damaged backup or bad options', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'training-metadata.json'), '{"epoch": ');
    await expect(runFit([new BackupAndRestore(dir)], fiveEpochs)).rejects.toThrow(/^Expected .*training-metadata\.json to hold the JSON of a BackupAndRestore backup, received unreadable content/);
    expect(() => new BackupAndRestore('')).toThrow('Expected backupDir to be a non-empty string in BackupAndRestore, received ""');
    expect(() => backupAndRestore({ saveFreq: 2 } as never)).toThrow('Expected backupDir to be a non-empty string in BackupAndRestore, received undefined');
    expect(() => backupAndRestore(dir, { delete_checkpoint: false } as never)).toThrow('did you mean "deleteCheckpoint"?');
    expect(() => new BackupAndRestore(dir, { saveFreq: 'batch' as never })).toThrow(`Expected saveFreq to be 'epoch' or an integer ≥ 1, received "batch" in BackupAndRestore`);
  });
});
