import { describe, expect, it } from 'vitest';
import { CallbackList } from './callback-list';
import { ProgbarLogger, progbarLogger } from './progbar-logger';
import type { Logs, TrainingParams } from './training-model';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, text: () => chunks.join(''), stream: { isTTY, write: (text: string) => void chunks.push(text) } };
}

/** A fake clock advancing `step` seconds per batch. */
function setup(isTTY: boolean, params: Partial<TrainingParams>, options: { interval?: number } = {}) {
  const out = capture(isTTY);
  const clock = { time: 0 };
  const progbar = new ProgbarLogger({ stream: out.stream, now: () => clock.time, ...options });
  const list = new CallbackList([progbar]);
  list.setParams({ epochs: 1, steps: 10, verbose: 1, metrics: ['loss'], ...params });
  return { out, clock, progbar, list };
}

async function epoch(list: CallbackList, clock: { time: number }, index: number, batches: number, step: number, batchLogs: () => Logs, epochLogs: Logs) {
  await list.call('onEpochBegin', index);
  for (let batch = 0; batch < batches; batch++) {
    clock.time += step;
    await list.call('onBatchEnd', batch, batchLogs());
  }
  await list.call('onEpochEnd', index, epochLogs);
}

describe('ProgbarLogger', () => {
  it('prints Keras’s epoch header and one finished line per epoch when not on a terminal', async () => {
    const { out, clock, list } = setup(false, { epochs: 2, steps: 375 });
    await list.call('onTrainBegin');
    let reads = 0;
    const lazy = () => Object.defineProperty({}, 'loss', { enumerable: true, get: () => (reads++, 0.2) });
    await epoch(list, clock, 0, 375, 0.005, lazy, { loss: 0.1759, accuracy: 0.94664, val_loss: 0.2, val_accuracy: 0.94 });
    expect(out.text()).toBe(
      'Epoch 1/2\n375/375 [==============================] - 2s 5ms/step - loss: 0.1759 - accuracy: 0.9466 - val_loss: 0.2000 - val_accuracy: 0.9400\n',
    );
    expect(reads).toBe(0);
  });

  it('redraws in place on a terminal at most every interval and at the last batch, reading the logs only then', async () => {
    const { out, clock, list } = setup(true, { steps: 10 }, { interval: 50 });
    await list.call('onTrainBegin');
    let reads = 0;
    const lazy = () => Object.defineProperty({}, 'loss', { enumerable: true, get: () => (reads++, 0.5) });
    await epoch(list, clock, 0, 10, 0.03, lazy, { loss: 0.4, val_loss: 0.3 });
    // Batches 1, 3, 5, 7, 9 (≥ 50 ms apart) and 10 (the last); no header for a single epoch.
    expect(reads).toBe(6);
    expect(out.chunks).toEqual([
      '\r 1/10 [==>...........................] - ETA: 0s - loss: 0.5000',
      '\r 3/10 [========>.....................] - ETA: 0s - loss: 0.5000',
      '\r 5/10 [==============>...............] - ETA: 0s - loss: 0.5000',
      '\r 7/10 [====================>.........] - ETA: 0s - loss: 0.5000',
      '\r 9/10 [==========================>...] - ETA: 0s - loss: 0.5000',
      '\r10/10 [==============================] - ETA: 0s - loss: 0.5000',
      '\r10/10 [==============================] - 0s 30ms/step - loss: 0.4000 - val_loss: 0.3000\n',
    ]);
  });

  it('shows the ETA in minutes, and pads a redraw shorter than the line before', async () => {
    const { out, clock, list } = setup(true, { steps: 100 }, { interval: 0 });
    await list.call('onEpochBegin', 0);
    clock.time = 2;
    await list.call('onBatchEnd', 0, { loss: 1, accuracy: 0.5 });
    clock.time = 4;
    await list.call('onBatchEnd', 1, { loss: 1 });
    expect(out.chunks[0]).toBe('\r  1/100 [..............................] - ETA: 3:18 - loss: 1.0000 - accuracy: 0.5000');
    expect(out.chunks[1]).toBe(`\r  2/100 [..............................] - ETA: 3:16 - loss: 1.0000${' '.repeat(19)}`);
  });

  it('prints one verbose-2 line per epoch, Keras 3’s layout', async () => {
    const { out, clock, list } = setup(true, { epochs: 3, steps: 4, verbose: 2 });
    await list.call('onTrainBegin');
    await epoch(list, clock, 1, 4, 0.5, () => ({ loss: 9 }), { loss: 0.5, val_loss: 0.00001234 });
    expect(out.text()).toBe('Epoch 2/3\n4/4 - 2s - 500ms/step - loss: 0.5000 - val_loss: 1.2340e-05\n');
  });

  it('shows the batches that ran when an epoch is cut short (TerminateOnNaN after 4 of 8)', async () => {
    const { out, clock, list } = setup(false, { epochs: 1, steps: 8 });
    await list.call('onTrainBegin');
    await epoch(list, clock, 0, 4, 0.5, () => ({ loss: 9 }), { loss: Number.NaN });
    expect(out.text()).toBe('4/8 [==============>...............] - 2s 500ms/step - loss: nan\n');
    const verbose2 = setup(false, { epochs: 1, steps: 8, verbose: 2 });
    await epoch(verbose2.list, verbose2.clock, 0, 4, 0.5, () => ({ loss: 9 }), { loss: 1 });
    expect(verbose2.out.text()).toBe('4/8 - 2s - 500ms/step - loss: 1.0000\n');
  });

  it('counts Unknown steps until the first epoch ends, then knows them', async () => {
    const { out, clock, list } = setup(true, { epochs: 2, steps: null }, { interval: 0 });
    await list.call('onTrainBegin');
    await epoch(list, clock, 0, 5, 0.01, () => ({ loss: 1 }), { loss: 1 });
    expect(out.chunks[1]).toBe('\r      1/Unknown - 0s 10ms/step - loss: 1.0000');
    expect(out.chunks.at(-1)).toBe('\r5/5 [==============================] - 0s 10ms/step - loss: 1.0000\n');
    out.chunks.length = 0;
    await epoch(list, clock, 1, 1, 0.01, () => ({ loss: 1 }), { loss: 1 });
    expect(out.chunks[1]).toBe('\r1/5 [=====>........................] - ETA: 0s - loss: 1.0000');
  });

  it('draws evaluation outside fit (quiet inside it) and prediction progress', async () => {
    const { out, clock, list } = setup(false, { steps: 3 });
    await list.call('onTestBegin');
    for (let batch = 0; batch < 3; batch++) {
      clock.time += 0.01;
      await list.call('onTestBatchEnd', batch, { loss: 2 });
    }
    await list.call('onTestEnd', { loss: 0.25 });
    await list.call('onPredictBegin');
    await list.call('onPredictBatchEnd', 0, {});
    await list.call('onPredictEnd');
    await list.call('onTrainBegin');
    await list.call('onTestBegin');
    await list.call('onTestEnd', { loss: 1 });
    expect(out.text()).toBe('3/3 [==============================] - 0s 10ms/step - loss: 0.2500\n3/3 [==============================] - 0s 0s/step\n');
  });

  it('is silent with verbose 0 and refuses a negative interval', async () => {
    const { out, clock, list } = setup(true, { verbose: 0, epochs: 2 });
    await epoch(list, clock, 0, 10, 0.1, () => ({ loss: 1 }), { loss: 1 });
    expect(out.text()).toBe('');
    expect(() => progbarLogger({ interval: -1 })).toThrow('Expected interval to be a number of ms ≥ 0 in ProgbarLogger, received -1');
  });
});
