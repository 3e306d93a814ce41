import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { TensorBoard } from './tensorboard';
import { FakeModel } from './testing/fake-model';
import { type DecodedEvent, readEventFile, scalarsByTag } from './testing/event-file-reader';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
const tempDir = useTempDirs('callbacks');

function runEvents(directory: string): DecodedEvent[] {
  return readdirSync(directory).sort().flatMap((name) => readEventFile(join(directory, name)));
}

/** A model whose one weight has a Keras 2-style name with a colon. */
class ColonModel extends FakeModel {
  override namedWeights(): Array<{ name: string; value: tf.Tensor }> {
    return [{ name: 'dense/kernel:0', value: this.variables[0] }];
  }
}

describe('TensorBoard: frequencies, names and runs', () => {
  it('writes histograms every histogramFreq epochs (0, 2, 4), colons in weight names made underscores', async () => {
    const logDir = tempDir();
    const model = new ColonModel();
    await runFit([new TensorBoard(logDir, { histogramFreq: 2, writeGraph: false })], [{ loss: 1 }, { loss: 1 }, { loss: 1 }, { loss: 1 }, { loss: 1 }], { model });
    const histograms = runEvents(join(logDir, 'train')).flatMap((event) => event.values.filter((value) => value.histogram).map((value) => [event.step, value.tag]));
    expect(histograms).toEqual([[0, 'dense/kernel_0/histogram'], [2, 'dense/kernel_0/histogram'], [4, 'dense/kernel_0/histogram']]);
    model.dispose();
  });

  it('counts batches from 1 again in each run, and writes nothing for a batch without logs', async () => {
    const logDir = tempDir();
    const board = new TensorBoard(logDir, { updateFreq: 2 });
    const first = await runFit([board], [{ loss: 1 }], { steps: 3, batchLogs: () => ({ loss: 5 }) });
    const second = await runFit([board], [{ loss: 1 }], { steps: 2, batchLogs: () => ({ loss: 6 }) });
    expect(scalarsByTag(runEvents(join(logDir, 'train'))).batch_loss).toEqual([[2, 5], [2, 6]]);
    const quiet = tempDir();
    const quietBoard = new TensorBoard(quiet, { updateFreq: 1 });
    quietBoard.onTrainBegin();
    quietBoard.onBatchEnd(0, undefined);
    quietBoard.onTrainEnd();
    expect(readdirSync(quiet)).toEqual([]);
    [first, second].forEach(({ model }) => model.dispose());
  });
});
