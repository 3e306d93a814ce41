import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { History, history } from './history';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));

describe('History', () => {
  it('records the epochs and every logged value per epoch, as Keras', async () => {
    const recorder = history();
    expect(recorder).toBeInstanceOf(History);
    const { model } = await runFit([recorder], [{ loss: 1, accuracy: 0.5, val_loss: 2 }, { loss: 0.5, accuracy: 0.7 }]);
    expect(recorder.epoch).toEqual([0, 1]);
    // As Keras: a value an epoch did not log (validationFreq) is simply absent for that epoch.
    expect(recorder.history).toEqual({ loss: [1, 0.5], accuracy: [0.5, 0.7], val_loss: [2] });
    model.dispose();
  });

  it('starts over at each onTrainBegin', async () => {
    const recorder = new History();
    await runFit([recorder], [{ loss: 1 }]);
    const { model } = await runFit([recorder], [{ loss: 3 }]);
    expect(recorder.history).toEqual({ loss: [3] });
    model.dispose();
  });
});
