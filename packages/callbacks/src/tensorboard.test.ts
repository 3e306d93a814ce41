import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { CallbackList } from './callback-list';
import { LambdaCallback } from './lambda-callback';
import { TensorBoard, tensorBoard } from './tensorboard';
import { FakeModel } from './testing/fake-model';
import { type DecodedEvent, readEventFile, scalarsByTag } from './testing/event-file-reader';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
const tempDir = useTempDirs('callbacks');

function runEvents(directory: string): DecodedEvent[] {
  return readdirSync(directory).sort().flatMap((name) => readEventFile(join(directory, name)));
}

const f32 = Math.fround;

describe('TensorBoard', () => {
  it('writes train and validation runs that parse back, CRCs checked, with Keras 3’s tags', async () => {
    const logDir = tempDir();
    const epochLogs = [
      { loss: 1, accuracy: 0.5, val_loss: 2, val_accuracy: 0.25 },
      { loss: 0.5, accuracy: 0.75, val_loss: 1, val_accuracy: 0.5 },
    ];
    const { model } = await runFit([new TensorBoard(logDir, { updateFreq: 'batch', histogramFreq: 1 })], epochLogs, {
      batchLogs: (epoch, batch) => ({ loss: epoch + batch / 10 }),
    });
    expect(readdirSync(logDir).sort()).toEqual(['train', 'validation']);
    const train = runEvents(join(logDir, 'train'));
    expect(train[0].fileVersion).toBe('brain.Event:2');
    const scalars = scalarsByTag(train);
    expect(scalars.epoch_loss).toEqual([[0, 1], [1, 0.5]]);
    expect(scalars.epoch_accuracy).toEqual([[0, 0.5], [1, 0.75]]);
    expect(scalars.epoch_learning_rate).toEqual([[0, f32(0.1)], [1, f32(0.1)]]);
    expect(scalars.batch_loss).toEqual([[1, 0], [2, f32(0.1)], [3, 1], [4, f32(1.1)]]);
    const validation = scalarsByTag(runEvents(join(logDir, 'validation')));
    expect(validation).toEqual({ epoch_loss: [[0, 2], [1, 1]], epoch_accuracy: [[0, 0.25], [1, 0.5]] });

    const histograms = train.flatMap((event) => event.values.filter((v) => v.histogram).map((v) => ({ step: event.step, tag: v.tag, ...v.histogram! })));
    expect(histograms.map((h) => [h.step, h.tag])).toEqual([[0, 'dense/kernel/histogram'], [0, 'dense/bias/histogram'], [1, 'dense/kernel/histogram'], [1, 'dense/bias/histogram']]);
    const kernel = histograms[0];
    expect([kernel.min, kernel.max, kernel.num, kernel.sum, kernel.sumSquares]).toEqual([1, 2, 2, 3, 5]);
    expect(kernel.bucket.reduce((a, b) => a + b)).toBe(2);
    expect(kernel.bucketLimit.at(-1)).toBe(2);
    expect(histograms[1]).toMatchObject({ min: 3, max: 3, num: 1, bucketLimit: [3], bucket: [1] });
    model.dispose();
  });

  it('writes batch scalars every N batches, across epochs', async () => {
    const logDir = tempDir();
    const { model } = await runFit([tensorBoard(logDir, { updateFreq: 3 })], [{ loss: 1 }, { loss: 1 }, { loss: 1 }], { batchLogs: () => ({ loss: 7 }) });
    expect(scalarsByTag(runEvents(join(logDir, 'train'))).batch_loss).toEqual([[3, 7], [6, 7]]);
    model.dispose();
  });

  it('with updateFreq epoch has no batch hook, writes no validation run without val_ values, and flushes each epoch', async () => {
    const logDir = tempDir();
    const board = new TensorBoard(logDir);
    expect(board.implementsBatchHooks()).toBe(false);
    expect(new CallbackList([board]).hasBatchHooks()).toBe(false);
    let afterFirstEpoch: DecodedEvent[] = [];
    const peek = new LambdaCallback({ onEpochBegin: (epoch) => void (epoch === 1 && (afterFirstEpoch = runEvents(join(logDir, 'train')))) });
    const { model } = await runFit([board, peek], [{ loss: 1 }, { loss: 0.5 }]);
    expect(scalarsByTag(afterFirstEpoch).epoch_loss).toEqual([[0, 1]]);
    expect(readdirSync(logDir)).toEqual(['train']);
    // A second fit adds a new file to the run.
    await runFit([board], [{ loss: 0.25 }], { model });
    expect(readdirSync(join(logDir, 'train'))).toHaveLength(2);
    expect(scalarsByTag(runEvents(join(logDir, 'train'))).epoch_loss.map(([, value]) => value)).toEqual([1, 0.5, 0.25]);
    model.dispose();
  });

  it('skips the learning rate when the model cannot tell it, and refuses bad options', async () => {
    class Uncompiled extends FakeModel {
      override getLearningRate(): number {
        throw new Error('not compiled');
      }
    }
    const logDir = tempDir();
    const { model } = await runFit([new TensorBoard(logDir)], [{ loss: 1 }], { model: new Uncompiled() });
    expect(Object.keys(scalarsByTag(runEvents(join(logDir, 'train'))))).toEqual(['epoch_loss']);
    model.dispose();
    expect(() => new TensorBoard(logDir, { updateFreq: 0 })).toThrow(`Expected updateFreq to be 'epoch', 'batch' or an integer ≥ 1 in TensorBoard, received 0`);
    expect(() => new TensorBoard(logDir, { histogramFreq: -1 })).toThrow('Expected histogramFreq to be an integer ≥ 0, received -1 in TensorBoard');
  });

  it('takes Keras’s arguments in one options object, logDir among them (\'logs\' by default)', async () => {
    const logDir = tempDir();
    const board = tensorBoard({ logDir, updateFreq: 'batch', writeGraph: false });
    expect([board.logDir, board.updateFreq]).toEqual([logDir, 1]);
    const { model } = await runFit([board], [{ loss: 1 }], { batchLogs: () => ({ loss: 3 }) });
    expect(scalarsByTag(runEvents(join(logDir, 'train'))).batch_loss).toEqual([[1, 3], [2, 3]]);
    model.dispose();
    expect(tensorBoard().logDir).toBe('logs');
    expect(tensorBoard({ histogramFreq: 2 }).logDir).toBe('logs');
    expect(new TensorBoard(undefined, { histogramFreq: 2 }).histogramFreq).toBe(2);
    expect(() => tensorBoard(logDir, { logDir } as never)).toThrow('Expected logDir once in TensorBoard');
  });

  it('refuses writeGraph true rather than ignoring it: no graph is written', () => {
    expect(() => tensorBoard({ writeGraph: true } as never)).toThrow('Expected writeGraph to be false in TensorBoard (Dendrite writes no graph), received true');
  });
});
