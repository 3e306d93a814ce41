/** `tsx src/perf-conv.ts`: the MNIST CNN's second convolution on wasm (XNNPACK) against the matmul of its im2col patches on Dendrite's kernel, 1 thread, min of repeats. */
import { selectBackend, tf } from '@dendrite/backend';
await selectBackend({ prefer: 'wasm', threads: 1 });
const x = tf.relu(tf.randomNormal([128, 13, 13, 32])) as tf.Tensor4D;
const w = tf.randomNormal([3, 3, 32, 64]) as tf.Tensor4D;
const patches = tf.randomNormal([128 * 11 * 11, 288]);
const w2 = tf.reshape(w, [288, 64]);
function time(name: string, f: () => tf.Tensor) {
  let best = Infinity;
  for (let i = 0; i < 15; i++) { const t0 = performance.now(); const r = f(); r.dataSync(); best = Math.min(best, performance.now() - t0); r.dispose(); }
  console.log(name.padEnd(40), best.toFixed(2), 'ms');
}
time('conv2d (XNNPACK)', () => tf.conv2d(x, w, 1, 'valid'));
time('conv2d, new filter each call', () => tf.tidy(() => tf.conv2d(x, tf.add(w, 0) as tf.Tensor4D, 1, 'valid')));
time('patches·W [15488,288]·[288,64]', () => tf.matMul(patches, w2));
