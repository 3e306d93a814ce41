import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearSeed, getRandomState, random, setSeed } from '@dendrite/backend';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { BackupAndRestore } from './backup-and-restore';
import { WritingFakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';
import type { RandomStreamLayer } from './training-model';

beforeAll(() => useBackend('cpu'));
afterEach(() => clearSeed());
const tempDir = useTempDirs('callbacks');
const threeEpochs = epochsOf('loss', [1, 1, 1]);
const metadata = (dir: string) => JSON.parse(readFileSync(join(dir, 'training-metadata.json'), 'utf8'));

/** A model with layers: one seeded (its stream a counter), one plain, one seeded layer without a seed given. */
class LayeredModel extends WritingFakeModel {
  position = 5;
  restored: Array<Record<string, number>> = [];
  readonly layers: RandomStreamLayer[];

  constructor(names = { seeded: 'dropout', plain: 'dense', unseeded: 'noise' }) {
    super();
    this.layers = [
      { name: names.seeded, getRandomStates: () => ({ 'dropout/seed': this.position }), setRandomStates: (states) => void this.restored.push(states) },
      { name: names.plain },
      { name: names.unseeded, getRandomStates: () => ({}), setRandomStates: () => {} },
    ];
  }
}

describe('BackupAndRestore: random streams and the metadata it trusts', () => {
  it('saves the seeded stream with each backup and puts it back on resume', async () => {
    const dir = tempDir();
    setSeed(7);
    // Each epoch draws from the stream (shuffling, dropout).
    const train = () => void random();
    await runFit([new BackupAndRestore(dir)], threeEpochs, { model: new WritingFakeModel(), train, killAfterEpoch: 1 });
    const saved = getRandomState();
    expect(metadata(dir).random_state).toEqual(saved);
    // A new process draws differently before the resume; the resume puts the stream back.
    setSeed(99);
    random();
    const resumed = new BackupAndRestore(dir);
    const model = new WritingFakeModel();
    await runFit([resumed], threeEpochs, { model, killAfterEpoch: 2, train: () => expect(getRandomState()).toEqual(saved) });
    expect(resumed.initialEpoch).toBe(2);
    model.dispose();
  });

  it('saves the seeded layers’ own streams by name, leaves the others out, and restores them', async () => {
    const dir = tempDir();
    const model = new LayeredModel();
    await runFit([new BackupAndRestore(dir)], threeEpochs, { model, killAfterEpoch: 0, train: (m, epoch) => void (m.position = 10 + epoch) });
    expect(metadata(dir).layer_random_states).toEqual({ dropout: { 'dropout/seed': 10 } });
    expect(metadata(dir).random_state).toBeUndefined();
    const resumedModel = new LayeredModel();
    await runFit([new BackupAndRestore(dir)], threeEpochs, { model: resumedModel, killAfterEpoch: 1 });
    expect(resumedModel.restored).toEqual([{ 'dropout/seed': 10 }]);
    // A model without that seeded layer cannot take the backup.
    const other = new LayeredModel({ seeded: 'dropout_2', plain: 'dropout', unseeded: 'noise' });
    await expect(runFit([new BackupAndRestore(dir)], threeEpochs, { model: other })).rejects.toThrow(
      new Error(`Expected model "fake" to have a seeded layer "dropout" to restore the random stream ${join(dir, 'training-metadata.json')} recorded, received none`),
    );
    [model, resumedModel, other].forEach((m) => m.dispose());
  });

  it('refuses metadata without an integer epoch ≥ 0 and a state file, and counts from a missing save_count', async () => {
    const dir = tempDir();
    const metadataPath = join(dir, 'training-metadata.json');
    for (const bad of [{ epoch: 1.5, state_file: 's' }, { epoch: -1, state_file: 's' }, { epoch: 1, state_file: 3 }]) {
      writeFileSync(metadataPath, JSON.stringify(bad));
      await expect(runFit([new BackupAndRestore(dir)], threeEpochs)).rejects.toThrow(new Error(`Expected ${metadataPath} to hold {epoch, state_file}, received ${JSON.stringify(bad)}`));
    }
    const model = new WritingFakeModel();
    await model.saveTrainingState(join(dir, 'old.dndr'));
    writeFileSync(metadataPath, JSON.stringify({ epoch: 0, state_file: 'old.dndr' }));
    await runFit([new BackupAndRestore(dir)], threeEpochs, { model, killAfterEpoch: 0 });
    expect(metadata(dir)).toEqual({ epoch: 1, batch: 0, state_file: 'training-state-1.dndr', save_count: 1 });
    model.dispose();
  });

  it('starts its counts over at each onTrainBegin without a backup', async () => {
    const dir = tempDir();
    const frequent = new BackupAndRestore(dir, { saveFreq: 3 });
    // Two batches: no backup yet, and the run ends normally.
    const first = await runFit([frequent], epochsOf('loss', [1]), { model: new WritingFakeModel() });
    expect(existsSync(dir)).toBe(false);
    // Two more batches in a new run: still no backup (the count restarted at 0).
    const second = await runFit([frequent], threeEpochs, { model: new WritingFakeModel(), killAfterEpoch: 0 });
    expect(existsSync(dir)).toBe(false);
    // The file names count from 0 again in a run after a completed one.
    const epochly = new BackupAndRestore(dir);
    const third = await runFit([epochly], epochsOf('loss', [1, 1]), { model: new WritingFakeModel() });
    const fourth = await runFit([epochly], threeEpochs, { model: new WritingFakeModel(), killAfterEpoch: 0 });
    expect(readdirSync(dir)).toContain('training-state-0.dndr');
    [first, second, third, fourth].forEach(({ model }) => model.dispose());
  });
});
