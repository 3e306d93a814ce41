import * as tfl from '@tensorflow/tfjs-layers';
import { installWasmKernels, selectBackend, setSeed, tf, uninstallWasmKernels } from '@dendrite/backend';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable } from './measure';
import { type ChildResult, pytorchMissing, runChild } from './separate-process';
import { type MnistModelKind, mnistModel, mnistTrain } from './mnist-models';
import { EPOCH_FIT, timeEpochs } from './epoch-timing';

/** Timed epochs per library: the faster one is reported (this machine's load varies by ±30 %). */
const TIMED_EPOCHS = 2;
/** Seconds of one-epoch fits of Dendrite (48 000 train + 12 000 validation). */
async function dendriteEpochs(kind: MnistModelKind, epochs: number): Promise<number[]> {
  setSeed(1);
  const { x, y } = await mnistTrain(kind);
  const model = mnistModel(kind);
  const rowSize = x.values.length / 60000;
  const slice = (array: { values: Float32Array; shape: number[] }, rows: number | undefined, size: number) =>
    rows === undefined ? array : { values: array.values.subarray(0, rows * size), shape: [rows, ...array.shape.slice(1)] };
  const seconds = await timeEpochs((rows) => model.fit(slice(x, rows, rowSize), slice(y, rows, 10), EPOCH_FIT), epochs);
  model.dispose();
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
 * One epoch of seed 000's MNIST MLP on wasm: Dendrite against tfjs-layers as a user installs it,
 * each in a process of its own (see `epoch-child.ts`), fed the same tensors with the same warm-up;
 * {@link TIMED_EPOCHS} epochs each, the faster reported (both printed), with each process's peak
 * RSS. The PyTorch column is skipped, saying why, where `python3 -c 'import torch'` fails.
 */
export async function mnistMlpEpochBench(): Promise<string> {
  const { x, y } = await mnistTrain('mlp');
  const dataFile = join(tmpdir(), `dendrite-bench-mnist-${process.pid}.f32`);
  const all = new Float32Array(x.values.length + y.values.length);
  all.set(x.values);
  all.set(y.values, x.values.length);
  writeFileSync(dataFile, all);
  try {
    const cores = availableParallelism();
    const ours = await runChild('epoch-child.ts', ['dendrite', dataFile, String(TIMED_EPOCHS), '1']);
    const oursThreaded = cores > 1 ? await runChild('epoch-child.ts', ['dendrite', dataFile, String(TIMED_EPOCHS), String(cores)]) : undefined;
    const theirs = await runChild('epoch-child.ts', ['tfjs-layers', dataFile, String(TIMED_EPOCHS)]);
    const torch = pytorchMissing();
    const versus = (result: ChildResult) => `${(best(theirs.seconds) / best(result.seconds)).toFixed(1)}×`;
    const rows = [
      ['tfjs-layers 4.22, stock wasm', `${theirs.threads}`, shown(theirs.seconds), `${theirs.peakRssMb} MB`, '1.0×'],
      ['dendrite, wasm', `${ours.threads}`, shown(ours.seconds), `${ours.peakRssMb} MB`, versus(ours)],
      ...(oursThreaded ? [['dendrite, wasm threaded', `${oursThreaded.threads}`, shown(oursThreaded.seconds), `${oursThreaded.peakRssMb} MB`, versus(oursThreaded)]] : []),
    ];
    const notes = [
      torch === undefined ? 'PyTorch: python3 has torch, but no PyTorch script is wired in yet.' : `PyTorch column skipped: ${torch}.`,
      oursThreaded
        ? `Dendrite 1 → ${oursThreaded.threads} threads: ${(best(ours.seconds) / best(oursThreaded.seconds)).toFixed(2)}× (only as good as the cores this machine leaves free).`
        : 'Threads 1 against N: one core here, nothing to compare.',
    ];
    return [
      formatTable([`MLP 784-128-128-10, one epoch (48 000 + 12 000 validation, batch 128, Adam; best of ${TIMED_EPOCHS})`, 'threads', 'seconds', 'peak RSS', 'vs tfjs-layers'], rows),
      '',
      ...notes,
    ].join('\n');
  } finally {
    rmSync(dataFile, { force: true });
  }
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
