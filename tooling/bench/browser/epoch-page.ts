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
import { EPOCH_FIT, fitOnRows, timeEpochs, tfjsLayersMnistMlp } from '../src/epoch-timing';

const TIMED_EPOCHS = Number(new URLSearchParams(location.search).get('epochs') ?? 2);

async function fetchBytes(name: string): Promise<Uint8Array> {
  const response = await fetch(`./data/${name}`);
  if (!response.ok) throw new Error(`Expected ./data/${name}, received HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function run(): Promise<unknown> {
  const info = await selectBackend({ prefer: 'wasm' });
  const [images, labels] = await Promise.all([fetchBytes('train-images.u8'), fetchBytes('train-labels.u8')]);
  const rows = labels.length;
  const xs = tf.tidy(() => tf.div(tf.tensor2d(images, [rows, 784], 'int32').toFloat(), 255));
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat());

  uninstallWasmKernels();
  const stock = tfjsLayersMnistMlp(tfl);
  const tfjsLayers = await timeEpochs(fitOnRows(tf, (x, y) => stock.fit(x, y, EPOCH_FIT), xs, ys), TIMED_EPOCHS);
  stock.dispose();

  installWasmKernels();
  setSeed(1);
  const ours = sequential({
    layers: [dense({ units: 128, activation: 'relu', inputShape: [784] }), dropout({ rate: 0.3 }), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.3 }), dense({ units: 10, activation: 'softmax' })],
  });
  ours.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const dendrite = await timeEpochs(fitOnRows(tf, (x, y) => ours.fit(x, y, EPOCH_FIT), xs, ys), TIMED_EPOCHS);
  ours.dispose();
  tf.dispose([xs, ys]);
  return { tfjsLayers, dendrite, info, rows };
}

run().then(
  (result) => Object.assign(window, { __bench: result }),
  (error: Error) => Object.assign(window, { __bench: { error: String(error.stack ?? error) } }),
);
