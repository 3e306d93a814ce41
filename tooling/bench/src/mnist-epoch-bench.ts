import * as tfl from '@tensorflow/tfjs-layers';
import { installWasmKernels, selectBackend, setSeed, tf, uninstallWasmKernels } from '@dendrite/backend';
import { mnist, scaleImages, toCategorical } from '@dendrite/datasets';
import { conv2d, dense, dropout, flatten, maxPooling2d } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import { formatTable } from './measure';

async function data(flat: boolean) {
  const { train } = await mnist();
  const x = scaleImages(train.x, flat ? [60000, 784] : [60000, 28, 28, 1]);
  const y = toCategorical(train.y, 10);
  return { x, y };
}

/** Seconds of one epoch of Dendrite's fit (48 000 train + 12 000 validation). */
async function dendriteEpoch(kind: 'mlp' | 'cnn'): Promise<number> {
  setSeed(1);
  const { x, y } = await data(kind === 'mlp');
  const layers =
    kind === 'mlp'
      ? [dense({ units: 128, activation: 'relu', inputShape: [784] }), dropout({ rate: 0.3 }), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.3 }), dense({ units: 10, activation: 'softmax' })]
      : [
          conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
          maxPooling2d(),
          conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
          maxPooling2d(),
          flatten(),
          dense({ units: 128, activation: 'relu' }),
          dropout({ rate: 0.5 }),
          dense({ units: 10, activation: 'softmax' }),
        ];
  const model = sequential({ layers });
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const start = performance.now();
  await model.fit(x, y, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  return seconds;
}

/** Seconds of one epoch of tfjs-layers' fit of the same MLP, on the stock kernels. */
async function tfjsLayersEpoch(): Promise<number> {
  const { x, y } = await data(true);
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
  const start = performance.now();
  await model.fit(xs, ys, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
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

/** One epoch of seed 000's MNIST MLP and of an MNIST CNN on wasm: Dendrite against tfjs-layers. */
export async function mnistEpochBench(): Promise<string> {
  await selectBackend({ prefer: 'wasm' });
  const ours = await dendriteEpoch('mlp');
  uninstallWasmKernels();
  let theirs: number;
  let cnnTheirs: string;
  try {
    theirs = await tfjsLayersEpoch();
    cnnTheirs = await tfjsLayersCnnOnStockWasm();
  } finally {
    installWasmKernels();
  }
  const cnn = await dendriteEpoch('cnn');
  return formatTable(
    ['one epoch on wasm (48 000 + 12 000 validation, batch 128, Adam)', 'tfjs-layers', 'dendrite', 'speed-up'],
    [
      ['MLP 784-128-128-10, dropout 0.3', `${theirs.toFixed(1)} s`, `${ours.toFixed(1)} s`, `${(theirs / ours).toFixed(1)}×`],
      ['CNN conv32-pool-conv64-pool-dense128-dropout-dense10', cnnTheirs, `${cnn.toFixed(1)} s`, '—'],
    ],
  );
}
