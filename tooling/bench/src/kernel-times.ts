/**
 * `tsx src/kernel-times.ts`: wall time of each kernel inside `trainStep` of the MNIST MLP on wasm,
 * found by wrapping every registered kernel (no profiler, whose own costs skew small kernels).
 */
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { mnist, scaleImages, toCategorical } from '@dendrite/datasets';
import { conv2d, dense, dropout, flatten, maxPooling2d } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
await selectBackend({ prefer: 'wasm' });
setSeed(1);
const { train } = await mnist();
// MODEL=cnn: the bench's CNN instead of seed 000's MLP.
const cnn = process.env.MODEL === 'cnn';
const inputShape = cnn ? [28, 28, 1] : [784];
const x = scaleImages(train.x, [60000, ...inputShape]).values, y = toCategorical(train.y, 10).values;
const model = sequential({
  layers: cnn
    ? [conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape }), maxPooling2d(), conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }), maxPooling2d(), flatten(), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.5 }), dense({ units: 10, activation: 'softmax' })]
    : [dense({ units: 128, activation: 'relu', inputShape }), dropout({ rate: 0.3 }), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.3 }), dense({ units: 10, activation: 'softmax' })],
});
model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
const warmRows = cnn ? 2560 : 60000;
await model.fit({ values: x.subarray(0, warmRows * 784), shape: [warmRows, ...inputShape] }, { values: y.subarray(0, warmRows * 10), shape: [warmRows, 10] }, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
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
const xs = tf.tensor(x.subarray(0, 128 * 784), [128, ...inputShape]);
const ys = tf.tensor2d(y.subarray(0, 128 * 10), [128, 10]);
const steps = cnn ? 20 : 200;
const stepTimes: number[] = [];
for (let i = 0; i < steps; i++) { const t0 = performance.now(); model.trainStep({ x: [xs], y: [ys] }); stepTimes.push(performance.now() - t0); }
const med = (a: number[]) => { const s = [...a].sort((p, q) => p - q); return s[s.length >> 1]; };
const rows = [...times].map(([k, ts]) => ({ k, n: ts.length / steps, ms: med(ts) * ts.length / steps }));
rows.sort((a, b) => b.ms - a.ms);
const total = rows.reduce((s, r) => s + r.ms, 0);
console.log(`step median ${med(stepTimes).toFixed(2)} ms, p10 ${[...stepTimes].sort((a, b) => a - b)[steps / 10].toFixed(2)}; kernel sum (medians) ${total.toFixed(2)} ms over ${rows.reduce((s, r) => s + r.n, 0)} kernels`);
for (const r of rows.slice(0, Number(process.env.TOP ?? 25))) console.log(r.ms.toFixed(3).padStart(7), `${r.n}×`.padStart(4), r.k);
