/**
 * One library's MNIST MLP epochs in a process of its own, so that each side starts clean and its
 * peak RSS is its own: `tsx src/epoch-child.ts <dendrite|tfjs-layers> <data file> <epochs> [threads]`. Both
 * sides read the same float32 file (60 000 images then 60 000 one-hot labels), upload it as two
 * tensors, fit 1 024 rows untimed, then time `epochs` one-epoch fits (48 000 + 12 000 validation,
 * batch 128, Adam). Prints one JSON line: `{ seconds, peakRssMb, threads }`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EPOCH_FIT, fitOnRows, timeEpochs, tfjsLayersMnistMlp } from './epoch-timing';

const [library, dataFile, epochText, threadText = '1'] = process.argv.slice(2);

/** The images and labels the parent wrote. */
function readData(): { x: Float32Array; y: Float32Array } {
  const bytes = readFileSync(dataFile);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return { x: all.subarray(0, 60000 * 784), y: all.subarray(60000 * 784) };
}

/** tfjs-layers as a user installs it: tfjs-core, tfjs-layers and the stock tfjs-backend-wasm 4.22, nothing of Dendrite loaded. */
async function tfjsLayers(epochs: number): Promise<{ seconds: number[]; threads: number }> {
  const require = createRequire(import.meta.url);
  // The bench does not depend on tfjs-backend-wasm itself: the copy @dendrite/backend installs is the stock package.
  const backendRequire = createRequire(require.resolve('@dendrite/backend/package.json'));
  const tf = require('@tensorflow/tfjs-core') as typeof import('@tensorflow/tfjs-core');
  const tfl = require('@tensorflow/tfjs-layers') as typeof import('@tensorflow/tfjs-layers');
  const wasm = backendRequire('@tensorflow/tfjs-backend-wasm') as { getThreadsCount(): number };
  await tf.setBackend('wasm');
  const { x, y } = readData();
  const [xs, ys] = [tf.tensor2d(x, [60000, 784]), tf.tensor2d(y, [60000, 10])];
  const model = tfjsLayersMnistMlp(tfl);
  const seconds = await timeEpochs(fitOnRows(tf, (xPart, yPart) => model.fit(xPart, yPart, EPOCH_FIT), xs, ys), epochs);
  return { seconds, threads: wasm.getThreadsCount() };
}

/** Dendrite on wasm with its kernels, the same model, fed the same tensors. */
async function dendrite(epochs: number, threads: number): Promise<{ seconds: number[]; threads: number }> {
  const { selectBackend, setSeed, tf } = await import('@dendrite/backend');
  const { mnistModel } = await import('./mnist-models');
  const info = await selectBackend({ prefer: 'wasm', threads });
  setSeed(1);
  const { x, y } = readData();
  const [xs, ys] = [tf.tensor2d(x, [60000, 784]), tf.tensor2d(y, [60000, 10])];
  const model = mnistModel('mlp');
  const seconds = await timeEpochs(fitOnRows(tf, (xPart, yPart) => model.fit(xPart, yPart, EPOCH_FIT), xs, ys), epochs);
  return { seconds, threads: info.threads };
}

const epochs = Number(epochText);
const result = library === 'tfjs-layers' ? await tfjsLayers(epochs) : await dendrite(epochs, Number(threadText));
console.log(JSON.stringify({ ...result, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
process.exit(0);
