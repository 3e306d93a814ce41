/**
 * The page of the browser bench (see src/browser-epoch-bench.ts): one MNIST MLP epoch of
 * tfjs-layers on the stock wasm kernels, then of Dendrite with its own, in the same page and the
 * same tfjs-core, on the same tensors. Reports `window.__bench` = `{ tfjsLayers, dendrite, info }`
 * (seconds of each timed epoch), or `{ error }`.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { installWasmKernels, selectBackend, setSeed, tf, uninstallWasmKernels } from '@dendrite/backend';
import { dense, dropout } from '@dendrite/layers';
import { sequential } from '@dendrite/models';

const FIT = { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 } as const;
const WARM_UP_ROWS = 1024;
const TIMED_EPOCHS = Number(new URLSearchParams(location.search).get('epochs') ?? 2);

async function fetchBytes(name: string): Promise<Uint8Array> {
  const response = await fetch(`./data/${name}`);
  if (!response.ok) throw new Error(`Expected ./data/${name}, received HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Warm-up fit on the first rows, then the seconds of each timed one-epoch fit. */
async function timeEpochs(fit: (x: tf.Tensor, y: tf.Tensor) => Promise<unknown>, xs: tf.Tensor, ys: tf.Tensor): Promise<number[]> {
  const [xPart, yPart] = [tf.slice(xs, 0, WARM_UP_ROWS), tf.slice(ys, 0, WARM_UP_ROWS)];
  await fit(xPart, yPart);
  tf.dispose([xPart, yPart]);
  const seconds: number[] = [];
  for (let epoch = 0; epoch < TIMED_EPOCHS; epoch++) {
    const start = performance.now();
    await fit(xs, ys);
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

async function run(): Promise<unknown> {
  const info = await selectBackend({ prefer: 'wasm' });
  const [images, labels] = await Promise.all([fetchBytes('train-images.u8'), fetchBytes('train-labels.u8')]);
  const rows = labels.length;
  const xs = tf.tidy(() => tf.div(tf.tensor2d(images, [rows, 784], 'int32').toFloat(), 255));
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat());

  uninstallWasmKernels();
  const stock = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
      tfl.layers.dropout({ rate: 0.3 }),
      tfl.layers.dense({ units: 128, activation: 'relu' }),
      tfl.layers.dropout({ rate: 0.3 }),
      tfl.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  stock.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const tfjsLayers = await timeEpochs((x, y) => stock.fit(x, y, FIT), xs, ys);
  stock.dispose();

  installWasmKernels();
  setSeed(1);
  const ours = sequential({
    layers: [dense({ units: 128, activation: 'relu', inputShape: [784] }), dropout({ rate: 0.3 }), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.3 }), dense({ units: 10, activation: 'softmax' })],
  });
  ours.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const dendrite = await timeEpochs((x, y) => ours.fit(x, y, FIT), xs, ys);
  ours.dispose();
  tf.dispose([xs, ys]);
  return { tfjsLayers, dendrite, info, rows };
}

run().then(
  (result) => Object.assign(window, { __bench: result }),
  (error: Error) => Object.assign(window, { __bench: { error: String(error.stack ?? error) } }),
);
