import { describe, expect, it } from 'vitest';
import { Callback } from './callback';
import { CallbackList } from './callback-list';
import { LambdaCallback } from './lambda-callback';

describe('CallbackList', () => {
  it('calls each callback in order, awaiting a returned promise before the next', async () => {
    const order: string[] = [];
    const slow = new LambdaCallback({ onEpochEnd: async (epoch) => { await new Promise((resolve) => setTimeout(resolve, 5)); order.push(`slow ${epoch}`); } });
    const fast = new LambdaCallback({ onEpochEnd: (epoch, logs) => void order.push(`fast ${epoch} ${logs?.loss}`) });
    await new CallbackList([slow, fast]).call('onEpochEnd', 3, { loss: 0.5 });
    expect(order).toEqual(['slow 3', 'fast 3 0.5']);
  });

  it('tells whether any callback has batch hooks, and refuses what is not a Callback', () => {
    class EpochOnly extends Callback {
      override onEpochEnd() {}
    }
    expect(new CallbackList([new EpochOnly()]).hasBatchHooks()).toBe(false);
    expect(new CallbackList([new EpochOnly(), new LambdaCallback({ onBatchEnd: () => {} })]).hasBatchHooks()).toBe(true);
    expect(() => new CallbackList([{ onEpochEnd() {} } as never])).toThrow('Expected callbacks[0] to be a Callback, received a plain object');
  });

  it("calls Keras's onTrainBatchBegin/onTrainBatchEnd on subclasses, and onBatchBegin/onBatchEnd through them", async () => {
    const seen: string[] = [];
    class TrainBatch extends Callback {
      override onTrainBatchBegin(batch: number) { seen.push(`train begin ${batch}`); }
      override onTrainBatchEnd(batch: number, logs?: { loss?: number }) { seen.push(`train end ${batch} ${logs?.loss}`); }
    }
    class OldName extends Callback {
      override onBatchEnd(batch: number) { seen.push(`batch end ${batch}`); }
    }
    const list = new CallbackList([new TrainBatch(), new OldName()]);
    expect(list.hasBatchHooks()).toBe(true);
    expect(new CallbackList([new TrainBatch()]).hasBatchHooks()).toBe(true);
    await list.call('onBatchBegin', 0, {});
    await list.call('onBatchEnd', 0, { loss: 0.25 });
    expect(seen).toEqual(['train begin 0', 'train end 0 0.25', 'batch end 0']);
  });
});
