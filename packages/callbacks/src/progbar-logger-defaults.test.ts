import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallbackList } from './callback-list';
import { ProgbarLogger } from './progbar-logger';

afterEach(() => vi.restoreAllMocks());

describe('ProgbarLogger’s defaults and options', () => {
  it('redraws at most every 50 ms by default, and draws a bar of the width asked', async () => {
    const chunks: string[] = [];
    const clock = { time: 0 };
    const stream = { isTTY: true, write: (text: string) => void chunks.push(text) };
    const list = new CallbackList([new ProgbarLogger({ stream, now: () => clock.time, width: 10 })]);
    list.setParams({ epochs: 1, steps: 10, verbose: 1, metrics: ['loss'] });
    await list.call('onEpochBegin', 0);
    for (let batch = 0; batch < 10; batch++) {
      clock.time += 0.03;
      await list.call('onBatchEnd', batch, { loss: 1 });
    }
    // Batches 1, 3, 5, 7, 9 (≥ 50 ms apart) and 10 (the last).
    expect(chunks).toHaveLength(6);
    expect(chunks[2]).toBe('\r 5/10 [====>.....] - ETA: 0s - loss: 1.0000');
  });

  it('refuses a width that is not an integer ≥ 1', () => {
    for (const width of [0, 1.5, Number.NaN]) {
      expect(() => new ProgbarLogger({ width, stream: { write: () => {} } }), String(width)).toThrow(new RangeError(`Expected width to be an integer ≥ 1 in ProgbarLogger, received ${width}`));
    }
    expect(() => new ProgbarLogger({ interval: Number.NaN, stream: { write: () => {} } })).toThrow(new RangeError('Expected interval to be a number of ms ≥ 0 in ProgbarLogger, received NaN'));
    expect(() => new ProgbarLogger({ interval: 0, width: 1, stream: { write: () => {} } })).not.toThrow();
  });

  it('writes whole lines through console.log where there is no process.stdout, keeping what follows the last \\r', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const descriptor = Object.getOwnPropertyDescriptor(process, 'stdout')!;
    let progbar: ProgbarLogger;
    Object.defineProperty(process, 'stdout', { value: undefined, configurable: true });
    try {
      progbar = new ProgbarLogger();
    } finally {
      Object.defineProperty(process, 'stdout', descriptor);
    }
    const stream = (progbar as unknown as { stream: { write(text: string): void; isTTY?: boolean } }).stream;
    expect(stream.isTTY).toBeUndefined();
    stream.write('Epoch 1/2\n 1/4 [');
    stream.write('=>..]\r 4/4 [====] - 1s\nnext');
    expect(log.mock.calls).toEqual([['Epoch 1/2'], [' 4/4 [====] - 1s']]);
    stream.write(' line\n');
    expect(log.mock.calls.at(-1)).toEqual(['next line']);
  });
});
