/**
 * `tsx src/kernel-times.ts`: wall time of each kernel inside `trainStep` of the MNIST MLP on wasm,
 * found by wrapping every registered kernel (no profiler, whose own costs skew small kernels).
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { median } from './measure';
import { inputShapeOf, mnistModel, mnistTrain } from './mnist-models';

await selectBackend({ prefer: 'wasm' });
setSeed(1);
// MODEL=cnn: the bench's CNN instead of seed 000's MLP.
const cnn = process.env.MODEL === 'cnn';
const kind = cnn ? 'cnn' : 'mlp';
const inputShape = inputShapeOf(kind);
const train = await mnistTrain(kind);
const [x, y] = [train.x.values, train.y.values];
const model = mnistModel(kind);
const warmRows = cnn ? 2560 : 60000;
await model.fit({ values: x.subarray(0, warmRows * 784), shape: [warmRows, ...inputShape] }, { values: y.subarray(0, warmRows * 10), shape: [warmRows, 10] }, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
const times = new Map<string, number[]>();
let depth = 0;
// The registry keeps these config objects: replacing kernelFunc times every later call.
for (const cfg of tf.getKernelsForBackend('wasm') as Array<KernelConfig & { kernelFunc: KernelFunc }>) {
  const orig = cfg.kernelFunc;
  cfg.kernelFunc = (args: Parameters<KernelFunc>[0]) => {
    depth++;
    const t0 = performance.now();
    try { return orig(args); } finally {
      depth--;
      if (depth === 0) { const key = `${cfg.kernelName} ${Object.values(args.inputs as Record<string, TensorInfo>).map((t) => `[${t.shape}]`).join('')}`; (times.get(key) ?? times.set(key, []).get(key)!).push(performance.now() - t0); }
    }
  };
}
const xs = tf.tensor(x.subarray(0, 128 * 784), [128, ...inputShape]);
const ys = tf.tensor2d(y.subarray(0, 128 * 10), [128, 10]);
const steps = cnn ? 20 : 200;
const stepTimes: number[] = [];
for (let i = 0; i < steps; i++) { const t0 = performance.now(); model.trainStep({ x: [xs], y: [ys] }); stepTimes.push(performance.now() - t0); }
const rows = [...times].map(([k, ts]) => ({ k, n: ts.length / steps, ms: median(ts) * ts.length / steps }));
rows.sort((a, b) => b.ms - a.ms);
const total = rows.reduce((s, r) => s + r.ms, 0);
console.log(`step median ${median(stepTimes).toFixed(2)} ms, p10 ${[...stepTimes].sort((a, b) => a - b)[steps / 10].toFixed(2)}; kernel sum (medians) ${total.toFixed(2)} ms over ${rows.reduce((s, r) => s + r.n, 0)} kernels`);
for (const r of rows.slice(0, Number(process.env.TOP ?? 25))) console.log(r.ms.toFixed(3).padStart(7), `${r.n}×`.padStart(4), r.k);
