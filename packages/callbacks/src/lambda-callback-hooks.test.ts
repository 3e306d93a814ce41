import { describe, expect, it } from 'vitest';
import { Callback } from './callback';
import { CallbackList } from './callback-list';
import { LambdaCallback } from './lambda-callback';

describe('LambdaCallback and Callback’s hooks', () => {
  it('skips hooks given as undefined and reports batch hooks only when one is given', () => {
    const epochOnly = new LambdaCallback({ onEpochEnd: () => {}, onBatchEnd: undefined, onTrainBatchBegin: undefined });
    expect(epochOnly.implementsBatchHooks()).toBe(false);
    expect(new LambdaCallback({}).implementsBatchHooks()).toBe(false);
    for (const hook of ['onBatchBegin', 'onBatchEnd', 'onTrainBatchBegin', 'onTrainBatchEnd'] as const) {
      expect(new LambdaCallback({ [hook]: () => {} }).implementsBatchHooks(), hook).toBe(true);
    }
  });

  it('runs the evaluation and prediction hooks it is given, with their arguments', async () => {
    const calls: string[] = [];
    const callback = new LambdaCallback({
      onTestBegin: () => void calls.push('test begin'),
      onTestBatchBegin: (batch) => void calls.push(`test batch ${batch} begin`),
      onTestBatchEnd: (batch, logs) => void calls.push(`test batch ${batch} end ${logs?.loss}`),
      onTestEnd: (logs) => void calls.push(`test end ${logs?.loss}`),
      onPredictBegin: () => void calls.push('predict begin'),
      onPredictBatchBegin: (batch) => void calls.push(`predict batch ${batch} begin`),
      onPredictBatchEnd: (batch) => void calls.push(`predict batch ${batch} end`),
      onPredictEnd: () => void calls.push('predict end'),
    });
    const list = new CallbackList([callback]);
    await list.call('onTestBegin');
    await list.call('onTestBatchBegin', 0, {});
    await list.call('onTestBatchEnd', 0, { loss: 2 });
    await list.call('onTestEnd', { loss: 2 });
    await list.call('onPredictBegin');
    await list.call('onPredictBatchBegin', 1);
    await list.call('onPredictBatchEnd', 1);
    await list.call('onPredictEnd');
    expect(calls).toEqual(['test begin', 'test batch 0 begin', 'test batch 0 end 2', 'test end 2', 'predict begin', 'predict batch 1 begin', 'predict batch 1 end', 'predict end']);
  });

  it('refuses hooks that are not an object, naming what came', () => {
    expect(() => new LambdaCallback(null as never)).toThrow(new TypeError('Expected hooks to be an object of functions in LambdaCallback, received null'));
    expect(() => new LambdaCallback((() => {}) as never)).toThrow(TypeError);
  });

  it('passes a subclass’s batch hooks through the training batch hooks, and none by default', async () => {
    class Quiet extends Callback {}
    expect(new Quiet().implementsBatchHooks()).toBe(false);
    const seen: string[] = [];
    class Begins extends Callback {
      override onBatchBegin(batch: number) {
        seen.push(`begin ${batch}`);
      }
    }
    expect(new Begins().implementsBatchHooks()).toBe(true);
    await new CallbackList([new Begins()]).call('onBatchBegin', 4, {});
    expect(seen).toEqual(['begin 4']);
  });
});
