/**
 * One library's MNIST epochs in a process of its own, so that each side starts clean and its peak
 * RSS is its own:
 *
 *     tsx src/epoch-child.ts <dendrite|tfjs-layers> <mlp|cnn> <data file> <epochs> <threads> <rows> <tensors|host>
 *
 * Every side reads the same float32 file (60 000 images then 60 000 one-hot labels, see
 * `mnist-data-file.ts`) and keeps its first `rows` rows: as two tensors uploaded once (`tensors`),
 * or, Dendrite only, as `{values, shape}` host arrays on the file's buffer, the path of a
 * `dn.datasets.mnist()` user (`host`). It fits 1 024 rows untimed, then times `epochs` one-epoch
 * fits (80 % train, 20 % validation, batch 128, Adam). Prints one JSON line, a {@link ChildResult}.
 */
import { createRequire } from 'node:module';
import type * as tfl from '@tensorflow/tfjs-layers';
import { EPOCH_FIT, fitOnRows, timeEpochs, tfjsLayersMnistMlp } from './epoch-timing';
// Only modules that import nothing of Dendrite: its kernels would register into tfjs-layers' tfjs-core.
import { readMnistFile } from './mnist-data-file';
import type { MnistModelKind } from './mnist-models';
import type { ChildResult } from './separate-process';

const [library, kindText, dataFile, epochText, threadText, rowText, feed] = process.argv.slice(2);
const kind = kindText as MnistModelKind;
const [epochs, threads, rows] = [Number(epochText), Number(threadText), Number(rowText)];

/** The first `rows` images in `kind`'s shape and their labels, views on the file's buffer. */
function hostArrays() {
  const { x, y } = readMnistFile(dataFile, rows);
  return { x: { values: x, shape: kind === 'mlp' ? [rows, 784] : [rows, 28, 28, 1] }, y: { values: y, shape: [rows, 10] } };
}

/** The bench's CNN in stock tfjs-layers, as `mnistModel('cnn')` builds it in Dendrite. */
function tfjsLayersMnistCnn(layers: typeof tfl): tfl.Sequential {
  const model = layers.sequential({
    layers: [
      layers.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      layers.layers.maxPooling2d({ poolSize: 2 }),
      layers.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      layers.layers.maxPooling2d({ poolSize: 2 }),
      layers.layers.flatten(),
      layers.layers.dense({ units: 128, activation: 'relu' }),
      layers.layers.dropout({ rate: 0.5 }),
      layers.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** tfjs-layers as a user installs it: tfjs-core, tfjs-layers and the stock tfjs-backend-wasm 4.22, nothing of Dendrite loaded. */
async function tfjsLayers(): Promise<Omit<ChildResult, 'peakRssMb'>> {
  const require = createRequire(import.meta.url);
  // The bench does not depend on tfjs-backend-wasm itself: the copy @dendrite/backend installs is the stock package.
  const backendRequire = createRequire(require.resolve('@dendrite/backend/package.json'));
  const tf = require('@tensorflow/tfjs-core') as typeof import('@tensorflow/tfjs-core');
  const layers = require('@tensorflow/tfjs-layers') as typeof tfl;
  const wasm = backendRequire('@tensorflow/tfjs-backend-wasm') as { getThreadsCount(): number };
  await tf.setBackend('wasm');
  const { x, y } = hostArrays();
  const [xs, ys] = [tf.tensor(x.values, x.shape), tf.tensor(y.values, y.shape)];
  const model = kind === 'mlp' ? tfjsLayersMnistMlp(layers) : tfjsLayersMnistCnn(layers);
  try {
    const seconds = await timeEpochs(fitOnRows(tf, (xPart, yPart) => model.fit(xPart, yPart, EPOCH_FIT), xs, ys), epochs);
    return { seconds, threads: wasm.getThreadsCount() };
  } catch (error) {
    // The stock wasm backend lacks kernels some models need (the CNN: Conv2DBackpropFilter).
    return { seconds: [], threads: wasm.getThreadsCount(), error: (error as Error).message.split('\n')[0] };
  }
}

/** Dendrite on wasm with its kernels and `threads` threads, the same model, fed tensors or host arrays. */
async function dendrite(): Promise<Omit<ChildResult, 'peakRssMb'>> {
  const { selectBackend, setSeed, tf } = await import('@dendrite/backend');
  const { mnistModel } = await import('./mnist-models');
  const info = await selectBackend({ prefer: 'wasm', threads });
  setSeed(1);
  const { x, y } = hostArrays();
  const model = mnistModel(kind);
  let fit: (rows: number | undefined) => Promise<unknown>;
  if (feed === 'host') {
    const first = (array: { values: Float32Array; shape: number[] }, count: number | undefined) =>
      count === undefined ? array : { values: array.values.subarray(0, (array.values.length / rows) * count), shape: [count, ...array.shape.slice(1)] };
    fit = (count) => model.fit(first(x, count), first(y, count), EPOCH_FIT);
  } else {
    const [xs, ys] = [tf.tensor(x.values, x.shape), tf.tensor(y.values, y.shape)];
    fit = fitOnRows(tf, (xPart, yPart) => model.fit(xPart, yPart, EPOCH_FIT), xs, ys);
  }
  const seconds = await timeEpochs(fit, epochs);
  return { seconds, threads: info.threads };
}

const result = library === 'tfjs-layers' ? await tfjsLayers() : await dendrite();
console.log(JSON.stringify({ ...result, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
process.exit(0);
