import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { LambdaCallback, lambdaCallback } from './lambda-callback';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));

describe('LambdaCallback', () => {
  it('calls the given functions with the hooks’ arguments and awaits them', async () => {
    const calls: string[] = [];
    const callback = lambdaCallback({
      onTrainBegin: () => void calls.push('train begin'),
      onEpochBegin: (epoch) => void calls.push(`epoch ${epoch} begin`),
      onBatchEnd: async (batch, logs) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        calls.push(`batch ${batch} loss ${logs?.loss}`);
      },
      onEpochEnd: (epoch, logs) => void calls.push(`epoch ${epoch} end ${logs?.loss}`),
      onTrainEnd: () => void calls.push('train end'),
    });
    expect(callback).toBeInstanceOf(LambdaCallback);
    const { model } = await runFit([callback], [{ loss: 0.5 }], { steps: 2 });
    expect(calls).toEqual(['train begin', 'epoch 0 begin', 'batch 0 loss 0.5', 'batch 1 loss 0.5', 'epoch 0 end 0.5', 'train end']);
    model.dispose();
  });

  it('refuses unknown hook names and non-functions', () => {
    expect(() => new LambdaCallback({ onEpochStart: () => {} } as never)).toThrow(/^Unknown option "onEpochStart" in LambdaCallback; expected one of "onBatchBegin", /);
    expect(() => new LambdaCallback({ on_train_begin: () => {} } as never)).toThrow('Unknown option "on_train_begin" in LambdaCallback: did you mean "onTrainBegin"?');
    expect(() => new LambdaCallback({ onEpochEnd: 3 } as never)).toThrow('Expected onEpochEnd to be a function in LambdaCallback, received number');
  });

  it('takes Keras 3’s onTrainBatchBegin / onTrainBatchEnd as the batch hooks, once each', async () => {
    const calls: string[] = [];
    const callback = lambdaCallback({ onTrainBatchBegin: (batch) => void calls.push(`begin ${batch}`), onTrainBatchEnd: (batch) => void calls.push(`end ${batch}`) });
    expect(callback.implementsBatchHooks()).toBe(true);
    const { model } = await runFit([callback], [{ loss: 1 }], { steps: 2 });
    expect(calls).toEqual(['begin 0', 'end 0', 'begin 1', 'end 1']);
    model.dispose();
    expect(() => lambdaCallback({ onBatchEnd: () => {}, onTrainBatchEnd: () => {} })).toThrow(
      'Expected one of onBatchEnd and onTrainBatchEnd (the same hook) in LambdaCallback, received both',
    );
  });
});
