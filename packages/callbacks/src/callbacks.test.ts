import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/test-utils';
import { CallbackList } from './callback-list';
import type { Callback } from './callback';
import { EarlyStopping } from './early-stopping';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';
import { LambdaCallback, LearningRateScheduler, TerminateOnNaN } from './simple-callbacks';
import { CSVLogger } from './csv-logger';
import { ModelCheckpoint } from './model-checkpoint';
import { BackupAndRestore } from './backup-and-restore';
import { History } from './history';
import { ProgbarLogger } from './progbar-logger';
import { pythonFormat } from './python-format';
import { FakeModel } from './testing-model';
import type { Logs } from './training-model';

beforeAll(() => useBackend('cpu'));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-callbacks-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Drives callbacks as fit does, over epochs with the given logs; stops when the model says so. */
async function drive(callbacks: Callback[], epochLogs: Logs[], model = new FakeModel(), steps = 2): Promise<{ model: FakeModel; epochs: number[] }> {
  const list = new CallbackList(callbacks);
  list.setModel(model);
  list.setParams({ epochs: epochLogs.length, steps, verbose: 0, metrics: Object.keys(epochLogs[0] ?? {}) });
  const epochs: number[] = [];
  await list.call('onTrainBegin');
  const start = Math.max(0, ...callbacks.map((c) => (c as { initialEpoch?: number }).initialEpoch ?? 0));
  for (let epoch = start; epoch < epochLogs.length && !model.stopTraining; epoch++) {
    await list.call('onEpochBegin', epoch);
    for (let batch = 0; batch < steps && !model.stopTraining; batch++) await list.call('onBatchEnd', batch, { loss: epochLogs[epoch].loss ?? 0 });
    await list.call('onEpochEnd', epoch, { ...epochLogs[epoch] });
    epochs.push(epoch);
  }
  await list.call('onTrainEnd');
  return { model, epochs };
}

describe('History', () => {
  it('records every epoch’s logs', async () => {
    const history = new History();
    await drive([history], [{ loss: 1, accuracy: 0.5 }, { loss: 0.5, accuracy: 0.7 }]);
    expect(history.epoch).toEqual([0, 1]);
    expect(history.history).toEqual({ loss: [1, 0.5], accuracy: [0.5, 0.7] });
  });
});

describe('EarlyStopping', () => {
  const losses = [1, 0.8, 0.85, 0.9, 0.95, 0.7].map((v) => ({ val_loss: v }));
  it('stops after patience epochs without improvement and restores the best weights', async () => {
    const stopper = new EarlyStopping({ patience: 2, restoreBestWeights: true });
    const model = new FakeModel();
    let step = 0;
    const mutate = new LambdaCallback({ onEpochEnd: () => model.setWeights([tf.tensor1d([++step, step]), tf.scalar(step)]) });
    const { epochs } = await drive([mutate, stopper], losses, model);
    expect(epochs).toEqual([0, 1, 2, 3]);
    expect(stopper.stoppedEpoch).toBe(3);
    // Epoch 1 was best; the mutating callback ran first, so its weights were [2, 2], 2.
    expect(Array.from(model.weights[0].dataSync())).toEqual([2, 2]);
    model.dispose();
  });

  it('watches max for accuracies, honours minDelta, baseline and startFromEpoch', async () => {
    const accuracies = [0.5, 0.6, 0.61, 0.615, 0.62].map((v) => ({ val_accuracy: v }));
    const stopper = new EarlyStopping({ monitor: 'val_accuracy', minDelta: 0.05, patience: 1 });
    expect((await drive([stopper], accuracies)).epochs).toEqual([0, 1, 2]);
    // Improving on the best without beating the baseline does not reset the wait, as Keras 3.
    const baseline = new EarlyStopping({ monitor: 'val_accuracy', baseline: 0.9, patience: 2 });
    expect((await drive([baseline], [0.5, 0.5, 0.5, 0.5].map((v) => ({ val_accuracy: v })))).epochs).toEqual([0, 1]);
    const late = new EarlyStopping({ patience: 0, startFromEpoch: 3 });
    expect((await drive([late], losses)).epochs).toEqual([0, 1, 2, 3, 4]);
  });

  it('warns with the available keys when the monitored value is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await drive([new EarlyStopping()], [{ loss: 1 }]);
    expect(warn).toHaveBeenCalledWith('Early stopping is conditioned on "val_loss", which is not available. Available metrics are: loss');
  });
});

describe('ReduceLROnPlateau and LearningRateScheduler', () => {
  it('cuts the rate by factor after patience, waits cooldown, stops at minLr', async () => {
    const logs = [1, 1, 1, 1, 1, 1, 1].map((v) => ({ val_loss: v }));
    const reducer = new ReduceLROnPlateau({ factor: 0.5, patience: 1, cooldown: 1, minLr: 0.02 });
    const rates: number[] = [];
    const record = new LambdaCallback({ onEpochEnd: (_e, l) => void rates.push(l!.learning_rate) });
    const { model } = await drive([reducer, record], logs);
    // Logged before each epoch's change, as Keras 3 logs it.
    expect(rates).toEqual([0.1, 0.1, 0.05, 0.025, 0.02, 0.02, 0.02]);
    expect(model.learningRate).toBe(0.02);
  });

  it('sets the rate each epoch from the schedule', async () => {
    const scheduler = new LearningRateScheduler((epoch, rate) => (epoch < 1 ? rate : rate * 0.5));
    const { model } = await drive([scheduler], [{ loss: 1 }, { loss: 1 }, { loss: 1 }]);
    expect(model.learningRate).toBeCloseTo(0.025, 10);
    expect(() => new LearningRateScheduler(undefined as never)).toThrow(/Expected a schedule function/);
  });
});

describe('TerminateOnNaN', () => {
  it('stops at the first non-finite batch loss', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const terminate = new TerminateOnNaN();
    const { epochs } = await drive([terminate], [{ loss: 1 }, { loss: Number.NaN }, { loss: 1 }]);
    expect(epochs).toEqual([0, 1]);
    expect(terminate.stoppedBatch).toBe(0);
  });
});

describe('CSVLogger', () => {
  it('writes a header and one sorted row per epoch, and appends', async () => {
    const file = join(tempDir(), 'log.csv');
    await drive([new CSVLogger(file)], [{ loss: 0.5, accuracy: 0.8 }, { loss: 0.25, accuracy: 0.9 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,accuracy,loss\n0,0.8,0.5\n1,0.9,0.25\n');
    await drive([new CSVLogger(file, { append: true, separator: ',' })], [{ loss: 0.125, accuracy: 0.95 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,accuracy,loss\n0,0.8,0.5\n1,0.9,0.25\n0,0.95,0.125\n');
  });
});

describe('ModelCheckpoint', () => {
  it('names files from the template as Python formats them', async () => {
    const checkpoint = new ModelCheckpoint('weights.{epoch:02d}-{val_loss:.4f}.h5', { saveWeightsOnly: true });
    const { model } = await drive([checkpoint], [{ val_loss: 0.5 }, { val_loss: 0.3 }, { val_loss: 0.12345 }]);
    expect(model.saves).toEqual([
      { kind: 'weights', path: 'weights.01-0.5000.h5' },
      { kind: 'weights', path: 'weights.02-0.3000.h5' },
      { kind: 'weights', path: 'weights.03-0.1235.h5' },
    ]);
  });

  it('saves only improvements with saveBestOnly, and every N batches with saveFreq', async () => {
    const best = new ModelCheckpoint('best.keras', { saveBestOnly: true });
    const { model } = await drive([best], [{ val_loss: 0.5 }, { val_loss: 0.6 }, { val_loss: 0.4 }]);
    expect(model.saves.map((s) => s.kind)).toEqual(['model', 'model']);
    expect(best.best).toBe(0.4);
    const frequent = new ModelCheckpoint('ckpt-{epoch}.keras', { saveFreq: 3 });
    const second = await drive([frequent], [{ loss: 1 }, { loss: 1 }, { loss: 1 }], new FakeModel(), 2);
    expect(second.model.saves.map((s) => s.path)).toEqual(['ckpt-2.keras', 'ckpt-3.keras']);
    expect(() => new ModelCheckpoint('x', { saveFreq: 0 })).toThrow(/Expected saveFreq to be 'epoch' or an integer ≥ 1/);
  });

  it('formats the Python spec subset', () => {
    expect(pythonFormat('{epoch:03d}-{acc:.2f}-{lr:.1e}-{p:.1%}-{name:>6s}|{{}}', { epoch: 7, acc: 0.98765, lr: 0.00012, p: 0.25, name: 'ab' })).toBe('007-0.99-1.2e-04-25.0%-    ab|{}');
    expect(pythonFormat('{x:+08.3f}', { x: -1.5 })).toBe('-001.500');
    expect(() => pythonFormat('{missing}', {})).toThrow('Expected a value for "{missing}" in the file name template "{missing}", received keys []');
  });
});

describe('BackupAndRestore', () => {
  it('backs up each epoch and resumes a killed run where it stopped, then cleans up', async () => {
    const dir = join(tempDir(), 'backup');
    const killed = new FakeModel();
    const first = new BackupAndRestore(dir);
    const interrupt = new LambdaCallback({ onEpochEnd: (epoch) => void (epoch === 2 && (killed.stopTraining = true)) });
    await drive([first, interrupt], [{ loss: 1 }, { loss: 1 }, { loss: 1 }, { loss: 1 }, { loss: 1 }], killed);
    expect(existsSync(join(dir, 'backup.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8'))).toEqual({ epoch: 2 });
    const resumed = new BackupAndRestore(dir);
    const { model, epochs } = await drive([resumed], [{ loss: 1 }, { loss: 1 }, { loss: 1 }, { loss: 1 }, { loss: 1 }]);
    expect(resumed.initialEpoch).toBe(3);
    expect(epochs).toEqual([3, 4]);
    expect(model.saves[0]).toEqual({ kind: 'restore', path: join(dir, 'training-state.dndr') });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('ProgbarLogger', () => {
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, write: (text: string) => void chunks.push(text) } };
  };

  it('prints Keras’s epoch lines when not on a terminal', async () => {
    const out = stream(false);
    let clock = 0;
    const progbar = new ProgbarLogger({ stream: out.stream, now: () => clock });
    const list = new CallbackList([progbar]);
    list.setParams({ epochs: 2, steps: 375, verbose: 1, metrics: ['loss'] });
    await list.call('onTrainBegin');
    await list.call('onEpochBegin', 0);
    for (let b = 0; b < 375; b++) {
      clock += 0.005;
      await list.call('onBatchEnd', b, { loss: 0.2 });
    }
    await list.call('onEpochEnd', 0, { loss: 0.1759, accuracy: 0.9466, val_loss: 0.00001234 });
    expect(out.chunks.join('')).toBe('Epoch 1/2\n375/375 [==============================] - 2s 5ms/step - loss: 0.1759 - accuracy: 0.9466 - val_loss: 1.2340e-05\n');
  });

  it('redraws in place on a terminal, reading batch logs at most every interval', async () => {
    const out = stream(true);
    let clock = 0;
    let reads = 0;
    const progbar = new ProgbarLogger({ stream: out.stream, now: () => clock, interval: 100 });
    const list = new CallbackList([progbar]);
    list.setParams({ epochs: 1, steps: 10, verbose: 1, metrics: ['loss'] });
    await list.call('onTrainBegin');
    await list.call('onEpochBegin', 0);
    for (let b = 0; b < 10; b++) {
      clock += 0.03;
      const logs = Object.defineProperty({}, 'loss', { enumerable: true, get: () => (reads++, 0.5) });
      await list.call('onBatchEnd', b, logs);
    }
    expect(reads).toBeLessThan(10);
    const redraws = out.chunks.filter((c) => c.startsWith('\r'));
    expect(redraws[0]).toMatch(/^\r 1\/10 \[==>\.{27}\] - ETA: 0s - loss: 0\.5000$/);
    expect(redraws.at(-1)).toMatch(/^\r10\/10 \[={30}\] - ETA: 0s - loss: 0\.5000$/);
  });

  it('prints Unknown steps for an endless source and one line per epoch with verbose 2', async () => {
    const out = stream(false);
    const progbar = new ProgbarLogger({ stream: out.stream, now: () => 0 });
    expect(progbar.line(5, 0, {}, true)).toBe('5/Unknown - 0s 0us/step');
    const list = new CallbackList([progbar]);
    list.setParams({ epochs: 3, steps: 4, verbose: 2, metrics: ['loss'] });
    await list.call('onTrainBegin');
    await list.call('onEpochBegin', 1);
    await list.call('onEpochEnd', 1, { loss: 0.5 });
    expect(out.chunks.join('')).toBe('Epoch 2/3\n4/4 - 0s - 0us/step - loss: 0.5000\n');
  });
});
