import { availableParallelism } from 'node:os';
import { installWasmKernels, selectBackend, setSeed, tf, uninstallWasmKernels } from '@dendrite/backend';
import { formatTable, measure } from './measure';
import { runChild } from './separate-process';
import type { ThreadsResult } from './threads-child';

const BATCH = 128;
const SIZES = [784, 128, 128, 10];

/** One Adam training step of an MLP 784-128-128-10 (relu, softmax crossentropy) in plain tfjs-core. */
async function millisecondsPerStep(): Promise<number> {
  setSeed(1);
  const weights = SIZES.slice(1).flatMap((units, layer) => [
    tf.variable(tf.randomNormal([SIZES[layer], units], 0, Math.sqrt(2 / SIZES[layer]))),
    tf.variable(tf.zeros([units])),
  ]);
  const optimizer = tf.train.adam(0.001);
  const x = tf.randomUniform([BATCH, 784]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32'), 10);
  const step = () => {
    const loss = optimizer.minimize(() => {
      let activation: tf.Tensor = x;
      for (let layer = 0; layer < weights.length / 2; layer++) {
        const last = layer === weights.length / 2 - 1;
        activation = tf.fused.matMul({
          a: activation as tf.Tensor2D,
          b: weights[2 * layer] as tf.Tensor2D,
          bias: weights[2 * layer + 1],
          activation: last ? 'linear' : 'relu',
        });
      }
      return tf.losses.softmaxCrossEntropy(y, activation) as tf.Scalar;
    }, true);
    loss?.dataSync();
    loss?.dispose();
  };
  const milliseconds = await measure(step, { minMilliseconds: 1500 });
  optimizer.dispose();
  tf.dispose([...weights, x, y]);
  return milliseconds;
}

/**
 * ms per step on the wasm backend as started (its threads): Dendrite's kernels (`ours`), and with
 * `withStock` tfjs-backend-wasm's stock kernels (`stock`) and the cpu backend (`cpu`).
 */
export async function stepMeasurements(withStock: boolean): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  if (withStock) {
    uninstallWasmKernels();
    try {
      values.stock = await millisecondsPerStep();
    } finally {
      installWasmKernels();
    }
  }
  values.ours = await millisecondsPerStep();
  if (withStock) {
    await selectBackend({ prefer: 'cpu' });
    values.cpu = await millisecondsPerStep();
  }
  return values;
}

/**
 * ms per MLP training step on wasm (stock kernels and Dendrite's, one thread; Dendrite's on every
 * core) and cpu, each thread count in a process of its own (the wasm backend keeps the threads it
 * started with).
 */
export async function mlpStepBench(): Promise<string> {
  const cores = availableParallelism();
  const one = await runChild<ThreadsResult>('threads-child.ts', ['step', '1', 'stock']);
  const many = cores > 1 ? await runChild<ThreadsResult>('threads-child.ts', ['step', String(cores)]) : undefined;
  const results: Array<[string, number]> = [
    ['wasm, stock tfjs kernels, 1 thread', one.values.stock],
    ['wasm, dendrite kernels, 1 thread', one.values.ours],
    ...(many ? [[`wasm, dendrite kernels, ${many.threads} threads`, many.values.ours] as [string, number]] : []),
    ['cpu', one.values.cpu],
  ];
  const rows = results.map(([label, milliseconds]) => [label, milliseconds.toFixed(2), `${(one.values.stock / milliseconds).toFixed(2)}×`]);
  const threadsNote = many
    ? `Threads 1 → ${many.threads}: Dendrite's kernels ${(one.values.ours / many.values.ours).toFixed(2)}× (goal on the MLP ≥ 1.3×), measured in this run.`
    : 'Threads 1 against N: one core here, nothing to compare.';
  return [formatTable(['MLP 784-128-128-10, Adam, batch 128', 'ms/step', 'speed-up vs stock wasm'], rows), '', threadsNote].join('\n');
}
