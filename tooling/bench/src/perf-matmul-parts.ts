/** `tsx src/perf-matmul-parts.ts`: times of the MNIST MLP's first-layer products on one batch of real MNIST, 1 thread. */
import { selectBackend, tf } from '@dendrite/backend';
import { mnistTrain } from './mnist-models';
await selectBackend({ prefer: 'wasm', threads: Number(process.env.THREADS ?? 1) });
const { x } = await mnistTrain('mlp');
const xs = tf.tensor2d(x.values.subarray(0, 128 * 784), [128, 784]);
const w = tf.randomNormal([784, 128]); const bias = tf.randomNormal([128]);
const dy = tf.relu(tf.randomNormal([128, 128]));
const h = tf.relu(tf.randomNormal([128, 128])); const w2 = tf.randomNormal([128, 128]);
const dense = tf.randomUniform([128, 784]);
function time(name: string, f: () => tf.Tensor) {
  const ts: number[] = [];
  for (let i = 0; i < 400; i++) { const t0 = performance.now(); const r = f(); ts.push(performance.now() - t0); r.dispose(); }
  ts.sort((p, q) => p - q); console.log(name.padEnd(34), 'min', ts[0].toFixed(4), 'p25', ts[100].toFixed(4), 'med', ts[200].toFixed(4));
}
time('x·W1+b relu (mnist)', () => tf.fused.matMul({ a: xs, b: w, bias, activation: 'relu' }));
time('xᵀ·dy (mnist)', () => tf.matMul(xs, dy, true, false));
time('dense·W1+b relu', () => tf.fused.matMul({ a: dense, b: w, bias, activation: 'relu' }));
time('denseᵀ·dy', () => tf.matMul(dense, dy, true, false));
time('h·W2+b relu', () => tf.fused.matMul({ a: h, b: w2, bias, activation: 'relu' }));
time('hᵀ·dy', () => tf.matMul(h, dy, true, false));
time('dy·W2ᵀ', () => tf.matMul(dy, w2, false, true));
