import * as tfl from '@tensorflow/tfjs-layers';
import { installWasmKernels, selectBackend, setSeed, tf, uninstallWasmKernels } from '@dendrite/backend';
import { formatTable } from './measure';
import { type MnistModelKind, mnistModel, mnistTrain } from './mnist-models';

/** Timed epochs per library: the faster one is reported (this machine's load varies by ±30 %). */
const TIMED_EPOCHS = 2;
/** Rows of the untimed warm-up fit (8 batches): JITs, kernels and wasm modules warm on both sides. */
const WARM_UP_ROWS = 1024;

/** Seconds of each of `epochs` one-epoch fits, after one untimed fit on the first rows. */
async function timeEpochs(fit: (rows: number | undefined) => Promise<unknown>, epochs: number): Promise<number[]> {
  await fit(WARM_UP_ROWS);
  const seconds: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const start = performance.now();
    await fit(undefined);
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

/** Seconds of one-epoch fits of Dendrite (48 000 train + 12 000 validation). */
async function dendriteEpochs(kind: MnistModelKind, epochs: number): Promise<number[]> {
  setSeed(1);
  const { x, y } = await mnistTrain(kind);
  const model = mnistModel(kind);
  const rowSize = x.values.length / 60000;
  const slice = (array: { values: Float32Array; shape: number[] }, rows: number | undefined, size: number) =>
    rows === undefined ? array : { values: array.values.subarray(0, rows * size), shape: [rows, ...array.shape.slice(1)] };
  const seconds = await timeEpochs(
    (rows) => model.fit(slice(x, rows, rowSize), slice(y, rows, 10), { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 }),
    epochs,
  );
  model.dispose();
  return seconds;
}

/** Seconds of one-epoch fits of tfjs-layers on the same MLP, on the stock kernels. */
async function tfjsLayersEpochs(epochs: number): Promise<number[]> {
  const { x, y } = await mnistTrain('mlp');
  const xs = tf.tensor2d(x.values, [60000, 784]);
  const ys = tf.tensor2d(y.values, [60000, 10]);
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
      tfl.layers.dropout({ rate: 0.3 }),
      tfl.layers.dense({ units: 128, activation: 'relu' }),
      tfl.layers.dropout({ rate: 0.3 }),
      tfl.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const seconds = await timeEpochs(async (rows) => {
    if (rows === undefined) return model.fit(xs, ys, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
    const [xPart, yPart] = [tf.slice(xs, 0, rows), tf.slice(ys, 0, rows)];
    await model.fit(xPart, yPart, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
    tf.dispose([xPart, yPart]);
  }, epochs);
  model.dispose();
  tf.dispose([xs, ys]);
  return seconds;
}

/** Can tfjs-layers train the CNN on stock wasm kernels? It cannot: Conv2DBackpropFilter is missing. */
async function tfjsLayersCnnOnStockWasm(): Promise<string> {
  const model = tfl.sequential({
    layers: [tfl.layers.conv2d({ filters: 4, kernelSize: 3, inputShape: [8, 8, 1] }), tfl.layers.flatten(), tfl.layers.dense({ units: 2 })],
  });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  const x = tf.zeros([2, 8, 8, 1]);
  const y = tf.zeros([2, 2]);
  try {
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    return 'trains';
  } catch (error) {
    return `cannot train: ${(error as Error).message.split('\n')[0].slice(0, 60)}`;
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

const best = (seconds: number[]) => Math.min(...seconds);
const shown = (seconds: number[]) => `${best(seconds).toFixed(2)} s (${seconds.map((value) => value.toFixed(2)).join(', ')})`;

/**
 * One epoch of seed 000's MNIST MLP on wasm: Dendrite against tfjs-layers on the stock kernels.
 * Each library first fits 8 batches untimed, then {@link TIMED_EPOCHS} epochs are timed and the
 * faster is reported (both are printed).
 */
export async function mnistMlpEpochBench(): Promise<string> {
  await selectBackend({ prefer: 'wasm' });
  const ours = await dendriteEpochs('mlp', TIMED_EPOCHS);
  uninstallWasmKernels();
  let theirs: number[];
  try {
    theirs = await tfjsLayersEpochs(TIMED_EPOCHS);
  } finally {
    installWasmKernels();
  }
  return formatTable(
    [`one epoch on wasm (48 000 + 12 000 validation, batch 128, Adam; best of ${TIMED_EPOCHS} after warm-up)`, 'tfjs-layers', 'dendrite', 'speed-up'],
    [['MLP 784-128-128-10, dropout 0.3', shown(theirs), shown(ours), `${(best(theirs) / best(ours)).toFixed(1)}×`]],
  );
}

/** One epoch of an MNIST CNN on wasm, which tfjs-layers cannot train there at all. */
export async function mnistCnnEpochBench(): Promise<string> {
  await selectBackend({ prefer: 'wasm' });
  uninstallWasmKernels();
  let theirs: string;
  try {
    theirs = await tfjsLayersCnnOnStockWasm();
  } finally {
    installWasmKernels();
  }
  const ours = await dendriteEpochs('cnn', 1);
  return formatTable(
    ['one epoch on wasm (48 000 + 12 000 validation, batch 128, Adam; after warm-up)', 'tfjs-layers', 'dendrite'],
    [['CNN conv32-pool-conv64-pool-dense128-dropout-dense10', theirs, shown(ours)]],
  );
}
