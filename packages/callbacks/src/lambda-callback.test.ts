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
    expect(() => new LambdaCallback({ onEpochStart: () => {} } as never)).toThrow(/Expected hook names among onTrainBegin, .* in LambdaCallback, received "onEpochStart"/);
    expect(() => new LambdaCallback({ onEpochEnd: 3 } as never)).toThrow('Expected onEpochEnd to be a function in LambdaCallback, received number');
  });
});
