import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { ModelCheckpoint, modelCheckpoint } from './model-checkpoint';
import { WritingFakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());
const tempDir = useTempDirs('callbacks');

describe('ModelCheckpoint', () => {
  it('names each file from the template as Python formats it (epoch 1-based)', async () => {
    const checkpoint = new ModelCheckpoint('weights.{epoch:02d}-{val_loss:.4f}.h5', { saveWeightsOnly: true });
    const { model } = await runFit([checkpoint], epochsOf('val_loss', [0.5, 0.3, 0.12345]));
    expect(model.calls).toEqual([
      { method: 'saveWeights', path: 'weights.01-0.5000.h5' },
      { method: 'saveWeights', path: 'weights.02-0.3000.h5' },
      { method: 'saveWeights', path: 'weights.03-0.1235.h5' },
    ]);
    expect(checkpoint.saved).toEqual(['weights.01-0.5000.h5', 'weights.02-0.3000.h5', 'weights.03-0.1235.h5']);
    model.dispose();
  });

  it('saves the whole model only when the monitored value improves, with saveBestOnly', async () => {
    const best = modelCheckpoint('best-{epoch:03d}-{val_accuracy:.2f}.dndr', { monitor: 'val_accuracy', saveBestOnly: true });
    const { model } = await runFit([best], epochsOf('val_accuracy', [0.5, 0.4, 0.987, 0.987]));
    expect(model.calls).toEqual([
      { method: 'save', path: 'best-001-0.50.dndr' },
      { method: 'save', path: 'best-003-0.99.dndr' },
    ]);
    expect(best.best).toBe(0.987);
    const threshold = new ModelCheckpoint('t.dndr', { saveBestOnly: true, initialValueThreshold: 0.45 });
    const second = await runFit([threshold], epochsOf('val_loss', [0.5, 0.6, 0.4]));
    expect(second.model.calls.map((call) => call.path)).toEqual(['t.dndr']);
    expect(threshold.best).toBe(0.4);
    model.dispose();
    second.model.dispose();
  });

  it('warns once and saves anyway when the monitored value is missing, as Keras 3', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { model } = await runFit([new ModelCheckpoint('m.dndr', { saveBestOnly: true })], [{ loss: 1 }, { loss: 2 }]);
    expect(model.calls).toHaveLength(2);
    expect(warn.mock.calls).toEqual([['Can save best model only with val_loss available.']]);
    model.dispose();
  });

  it('saves every saveFreq batches, counting across epochs, with {batch} 1-based', async () => {
    const frequent = new ModelCheckpoint('ckpt-{epoch}-{batch}.dndr', { saveFreq: 3 });
    expect(frequent.implementsBatchHooks()).toBe(true);
    expect(new ModelCheckpoint('ckpt.dndr').implementsBatchHooks()).toBe(false);
    const { model } = await runFit([frequent], [{ loss: 1 }, { loss: 1 }, { loss: 1 }], { steps: 2 });
    expect(model.calls.map((call) => call.path)).toEqual(['ckpt-2-1.dndr', 'ckpt-3-2.dndr']);
    model.dispose();
  });

  it('prints Keras’s messages with verbose 1', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { model } = await runFit([new ModelCheckpoint('best.dndr', { saveBestOnly: true, verbose: 1 })], epochsOf('val_loss', [0.5, 0.6]));
    expect(log.mock.calls).toEqual([
      ['\nEpoch 1: val_loss improved from inf to 0.50000, saving model to best.dndr'],
      ['\nEpoch 1: finished saving model to best.dndr'],
      ['\nEpoch 2: val_loss did not improve from 0.50000'],
    ]);
    model.dispose();
  });

  it('writes real files through the model', async () => {
    const dir = tempDir();
    const model = new WritingFakeModel();
    await runFit([new ModelCheckpoint(join(dir, 'model-{epoch:02d}.json'))], epochsOf('val_loss', [0.5, 0.4]), { model, train: (m, epoch) => m.fill(epoch + 1) });
    expect(readdirSync(dir).sort()).toEqual(['model-01.json', 'model-02.json']);
    expect(JSON.parse(readFileSync(join(dir, 'model-02.json'), 'utf8'))).toEqual({ weights: [[2, 2], [2]], learningRate: 0.1 });
    expect(existsSync(join(dir, 'model-02.json.tmp'))).toBe(false);
    model.dispose();
  });

  it('names the template field a log lacks, and refuses bad options', async () => {
    const missing = runFit([new ModelCheckpoint('{val_acc:.2f}.dndr')], epochsOf('val_loss', [1]));
    await expect(missing).rejects.toThrow('Expected a value for "{val_acc}" in the template "{val_acc:.2f}.dndr", received keys [val_loss, epoch]');
    expect(() => new ModelCheckpoint('x', { saveFreq: 0 })).toThrow(`Expected saveFreq to be 'epoch' or an integer ≥ 1, received 0 in ModelCheckpoint`);
    expect(() => new ModelCheckpoint('')).toThrow('Expected filepath to be a non-empty string in ModelCheckpoint, received ""');
  });

  it('takes Keras’s arguments in one options object, filepath among them', async () => {
    const checkpoint = modelCheckpoint({ filepath: 'best-{epoch:02d}.keras', monitor: 'val_loss', saveBestOnly: true, saveWeightsOnly: true });
    expect(checkpoint.filepath).toBe('best-{epoch:02d}.keras');
    const { model } = await runFit([checkpoint], epochsOf('val_loss', [0.5, 0.6, 0.4]));
    expect(model.calls).toEqual([
      { method: 'saveWeights', path: 'best-01.keras' },
      { method: 'saveWeights', path: 'best-03.keras' },
    ]);
    expect(new ModelCheckpoint({ filepath: 'm.keras', saveFreq: 2 }).saveFreq).toBe(2);
    model.dispose();
  });

  it('refuses a filepath missing, given twice, or not a string, and options in two objects', () => {
    expect(() => modelCheckpoint({ saveBestOnly: true } as never)).toThrow('Expected filepath to be a non-empty string in ModelCheckpoint, received undefined');
    expect(() => modelCheckpoint('a.keras', { filepath: 'b.keras' } as never)).toThrow(
      'Expected filepath once in ModelCheckpoint, received it as the first argument ("a.keras") and in the options ("b.keras")',
    );
    expect(() => modelCheckpoint(3 as never)).toThrow('Expected filepath (a non-empty string) or options holding it in ModelCheckpoint, received 3');
    expect(() => new ModelCheckpoint({ filepath: 'a.keras' } as never, { saveBestOnly: true } as never)).toThrow(
      'Expected the options of ModelCheckpoint in one object, received a second argument {"saveBestOnly":true}',
    );
  });
});
