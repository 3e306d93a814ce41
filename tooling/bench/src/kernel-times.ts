/**
 * `tsx src/kernel-times.ts`: wall time of each kernel inside `trainStep` of the MNIST MLP on wasm,
 * found by wrapping every registered kernel (no profiler, whose own costs skew small kernels).
 */
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { mnist, scaleImages, toCategorical } from '@dendrite/datasets';
import { dense, dropout } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
await selectBackend({ prefer: 'wasm' });
setSeed(1);
const { train } = await mnist();
const x = scaleImages(train.x, [60000, 784]).values, y = toCategorical(train.y, 10).values;
const model = sequential({ layers: [dense({ units: 128, activation: 'relu', inputShape: [784] }), dropout({ rate: 0.3 }), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.3 }), dense({ units: 10, activation: 'softmax' })] });
model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
await model.fit({ values: x, shape: [60000, 784] }, { values: y, shape: [60000, 10] }, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
const times = new Map<string, number[]>();
let depth = 0;
for (const cfg of tf.getKernelsForBackend('wasm') as any[]) {
  const orig = cfg.kernelFunc;
  cfg.kernelFunc = (args: any) => {
    depth++;
    const t0 = performance.now();
    try { return orig(args); } finally {
      depth--;
      if (depth === 0) { const key = `${cfg.kernelName} ${Object.values(args.inputs).map((t: any) => `[${t.shape}]`).join('')}`; (times.get(key) ?? times.set(key, []).get(key)!).push(performance.now() - t0); }
    }
  };
}
const xs = tf.tensor2d(x.subarray(0, 128 * 784), [128, 784]);
const ys = tf.tensor2d(y.subarray(0, 128 * 10), [128, 10]);
const steps = 200;
const stepTimes: number[] = [];
for (let i = 0; i < steps; i++) { const t0 = performance.now(); model.trainStep({ x: [xs], y: [ys] }); stepTimes.push(performance.now() - t0); }
const med = (a: number[]) => { const s = [...a].sort((p, q) => p - q); return s[s.length >> 1]; };
const rows = [...times].map(([k, ts]) => ({ k, n: ts.length / steps, ms: med(ts) * ts.length / steps }));
rows.sort((a, b) => b.ms - a.ms);
const total = rows.reduce((s, r) => s + r.ms, 0);
console.log(`step median ${med(stepTimes).toFixed(2)} ms, p10 ${[...stepTimes].sort((a, b) => a - b)[steps / 10].toFixed(2)}; kernel sum (medians) ${total.toFixed(2)} ms over ${rows.reduce((s, r) => s + r.n, 0)} kernels`);
for (const r of rows.slice(0, Number(process.env.TOP ?? 25))) console.log(r.ms.toFixed(3).padStart(7), `${r.n}×`.padStart(4), r.k);
