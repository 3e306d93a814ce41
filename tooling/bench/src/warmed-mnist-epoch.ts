import { setSeed, tf } from '@dendrite/backend';
import { CNN_ROWS, EPOCH_FIT, WARM_UP_ROWS, fitOnRows } from './epoch-timing';
import { type MnistModelKind, inputShapeOf, mnistModel, mnistTrain } from './mnist-models';

/**
 * The bench's MNIST epoch of `kind` on the selected backend, after its warm-up: seeded, the
 * training rows uploaded once (all 60 000 for the MLP, the first `CNN_ROWS` for the CNN), the
 * model fitted on `WARM_UP_ROWS` rows. Shared by the scripts that look inside one epoch
 * (`kernel-times`, `thread-times`).
 *
 * @param kind `'mlp'` or `'cnn'`
 * @returns `epoch()`, one more epoch of `EPOCH_FIT`, and `dispose()`, which frees the data and model
 * @example
 * ```ts
 * const run = await warmedMnistEpoch('mlp');
 * await run.epoch();
 * run.dispose();
 * ```
 */
export async function warmedMnistEpoch(kind: MnistModelKind): Promise<{ epoch: () => Promise<unknown>; dispose: () => void }> {
  setSeed(1);
  const rows = kind === 'mlp' ? 60000 : CNN_ROWS;
  const train = await mnistTrain(kind);
  const xs = tf.tensor(train.x.values.subarray(0, rows * 784), [rows, ...inputShapeOf(kind)]);
  const ys = tf.tensor2d(train.y.values.subarray(0, rows * 10), [rows, 10]);
  const model = mnistModel(kind);
  const fit = fitOnRows(tf, (x, y) => model.fit(x, y, EPOCH_FIT), xs, ys);
  await fit(WARM_UP_ROWS);
  return {
    epoch: () => fit(undefined),
    dispose: () => {
      tf.dispose([xs, ys]);
      model.dispose();
    },
  };
}
