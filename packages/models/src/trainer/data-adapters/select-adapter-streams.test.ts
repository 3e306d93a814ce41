import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { expectNoLeakedTensors } from '@dendrite/test-utils';
import { sequential } from '../../sequential';

afterEach(() => resetUniqueNames());

/** y = x, frozen. */
function identity() {
  const m = sequential({ layers: [dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
  m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse' });
  return m;
}

function* batches() {
  yield { xs: [[0], [0]], ys: [[1], [2]] };
}

describe('the data fit takes', () => {
  it('refuses with a stream what only arrays can have: y, validationSplit, sampleWeight, classWeight', async () => {
    const m = identity();
    const quiet = { verbose: 0 } as const;
    await expect(m.fit(batches(), [[1]] as never, quiet)).rejects.toThrow(
      new Error('Expected y to be undefined when x is a dataset or iterable of batches (they carry their targets), received y'),
    );
    await expect(m.fit(batches(), { ...quiet, validationSplit: 0.5 })).rejects.toThrow(
      new Error('Expected no validationSplit with a dataset or iterable x (Keras cannot split a stream), received 0.5'),
    );
    await expect(m.fit(batches(), { ...quiet, sampleWeight: [1, 1] })).rejects.toThrow(
      new Error('Expected no sampleWeight option with a dataset or iterable x (its batches carry their weights: {xs, ys, sampleWeight}), received one'),
    );
    await expect(m.fit(batches(), { ...quiet, classWeight: { 0: 1 } })).rejects.toThrow(
      new Error('Expected no classWeight with a dataset or iterable x (give each batch its sampleWeight instead), received one'),
    );
    await expect(m.fit([[0]], undefined, quiet)).rejects.toThrow(new Error('Expected targets y for x given as arrays or tensors, received undefined'));
    m.dispose();
  });

  it('takes a stream with a validationSplit of 0 (no split), and the weights its batches carry', async () => {
    const m = identity();
    function* weighted() {
      yield { xs: [[0], [0]], ys: [[1], [2]], sampleWeight: [0, 1] };
    }
    const history = await m.fit(weighted(), { verbose: 0, validationSplit: 0 });
    // Σ w · loss / samples = (0 · 1 + 1 · 4) / 2.
    expect(history.history.loss[0]).toBeCloseTo(2, 5);
    m.dispose();
  });

  it('multiplies sampleWeight by classWeight, sample by sample (Keras 2)', async () => {
    const m = identity();
    // x = 2 against targets 0 and 1 (classes 0 and 1): errors 2 and 1, squared 4 and 1.
    const x = [[2], [2]];
    const y = [[0], [1]];
    const history = await m.fit(x, y, { verbose: 0, shuffle: false, sampleWeight: [3, 5], classWeight: { 0: 2, 1: 7 } });
    // Weights 3·2 = 6 and 5·7 = 35: (6 · 4 + 35 · 1) / 2.
    expect(history.history.loss[0]).toBeCloseTo((6 * 4 + 35) / 2, 4);
    m.dispose();
  });

  it('validates on the split unshuffled, with its own batch size, leaking nothing', async () => {
    const m = identity();
    const x = [[0], [0], [0], [0], [0], [0]];
    const y = [[1], [2], [3], [4], [5], [6]];
    await m.fit(x, y, { verbose: 0, validationSplit: 0.5 });
    const history = await expectNoLeakedTensors(() => m.fit(x, y, { verbose: 0, validationSplit: 0.5, validationBatchSize: 2, batchSize: 1 }));
    // The last half, 4, 5, 6: (16 + 25 + 36) / 3.
    expect(history.history.val_loss[0]).toBeCloseTo(77 / 3, 4);
    // The first half trains: (1 + 4 + 9) / 3.
    expect(history.history.loss[0]).toBeCloseTo(14 / 3, 4);
    m.dispose();
  });

  it('names a non-finite label of a tensor target, checked on its backend', async () => {
    const m = identity();
    const x = tf.zeros([2, 1]);
    const y = tf.tensor2d([[1], [Number.POSITIVE_INFINITY]]);
    await expect(m.fit(x, y, { verbose: 0 })).rejects.toThrow('Expected finite labels in y, received Infinity at flat index 1');
    tf.dispose([x, y]);
    m.dispose();
  });
});
