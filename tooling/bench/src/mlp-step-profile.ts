/**
 * `tsx src/mlp-step-profile.ts`: where one training step of the MNIST MLP (seed 000's model,
 * batch 128, Adam, categorical crossentropy + accuracy) spends its time on wasm: wall time of
 * `trainStep` and of a full fit epoch, then kernel time, kernel count and new tensors per kernel
 * name from `tf.profile`. For finding work, not for asserting anything.
 */
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import type { Model } from '@dendrite/models';
import { median } from './measure';
import { mnistModel, mnistTrain } from './mnist-models';

const BATCH = 128;

async function mnistData() {
  const { x, y } = await mnistTrain('mlp');
  return { x: x.values, y: y.values };
}

/** Median ms of `model.trainStep` on one uploaded batch (data upload excluded). */
function stepMilliseconds(model: Model, x: Float32Array, y: Float32Array, steps: number): { wall: number; cpu: number; p10: number } {
  const xs = tf.tensor2d(x.subarray(0, BATCH * 784), [BATCH, 784]);
  const ys = tf.tensor2d(y.subarray(0, BATCH * 10), [BATCH, 10]);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    model.trainStep({ x: [xs], y: [ys] });
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  tf.dispose([xs, ys]);
  const timed = times.slice(Math.floor(steps / 5)).sort((a, b) => a - b);
  return { wall: median(timed), cpu: median(cpuTimes.slice(Math.floor(steps / 5))), p10: timed[Math.floor(timed.length / 10)] };
}

async function main() {
  await selectBackend({ prefer: 'wasm' });
  tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
  setSeed(1);
  const { x, y } = await mnistData();
  const model = mnistModel('mlp');
  const epochs: number[] = [];
  const epochCpu: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await model.fit({ values: x, shape: [60000, 784] }, { values: y, shape: [60000, 10] }, { epochs: 1, batchSize: BATCH, validationSplit: 0.2, verbose: 0 });
    const cpu = process.cpuUsage(cpuStart);
    epochs.push((performance.now() - start) / 1000);
    epochCpu.push((cpu.user + cpu.system) / 1e6);
  }
  const before = tf.memory().numTensors;
  const stepMs = stepMilliseconds(model, x, y, 600);
  console.log(`fit epoch s wall ${epochs.map((s) => s.toFixed(2)).join(' ')} cpu ${epochCpu.map((s) => s.toFixed(2)).join(' ')}; trainStep ms median ${stepMs.wall.toFixed(2)} p10 ${stepMs.p10.toFixed(2)}; leaked tensors ${tf.memory().numTensors - before}`);
  if (process.env.QUICK) return;

  const xs = tf.tensor2d(x.subarray(0, BATCH * 784), [BATCH, 784]);
  const ys = tf.tensor2d(y.subarray(0, BATCH * 10), [BATCH, 10]);
  const byKernel = new Map<string, { count: number; milliseconds: number[][] }>();
  const walls: number[] = [];
  const profiled = 30;
  let kernels = 0;
  let newTensors = 0;
  for (let i = 0; i < profiled; i++) {
    const start = performance.now();
    const info = await tf.profile(() => model.trainStep({ x: [xs], y: [ys] }));
    walls.push(performance.now() - start);
    kernels = info.kernels.length;
    newTensors = info.newTensors;
    if (i === profiled - 1 && process.env.ORDER) info.kernels.forEach((kernel) => console.log(`${(kernel.kernelTimeMs as number).toFixed(3)} ${kernel.name} ${kernel.inputShapes.map((shape) => `[${shape}]`).join('')} -> ${kernel.outputShapes.map((shape: number[]) => `[${shape}]`).join('')}`));
    info.kernels.forEach((kernel, index) => {
      const key = `${kernel.name} ${kernel.inputShapes.map((shape) => `[${shape}]`).join('')}`;
      const entry = byKernel.get(key) ?? { count: 0, milliseconds: [] };
      if (i === 0) entry.count++;
      (entry.milliseconds[index] ??= []).push(kernel.kernelTimeMs as number);
      byKernel.set(key, entry);
    });
  }
  const rows = [...byKernel.entries()].map(([key, entry]) => ({ key, count: entry.count, ms: entry.milliseconds.reduce((sum, runs) => sum + (runs ? median(runs) : 0), 0) }));
  rows.sort((a, b) => b.ms - a.ms);
  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  console.log(`profiled step: wall ${median(walls).toFixed(2)} ms (with profiler), median kernel time ${total.toFixed(2)} ms, ${kernels} kernels, ${newTensors} new tensors`);
  for (const row of rows) console.log(`${row.ms.toFixed(3).padStart(8)} ms  ${String(row.count).padStart(3)}×  ${row.key}`);
  tf.dispose([xs, ys]);
  model.dispose();
}

await main();
