/** `tsx src/perf-fused-dense-ab.ts`: fusedDense on rank-2 operands against the rank-3 reshapes it had, in one process (forward and gradients of an MLP's three layers). */
import { selectBackend, tf } from '@dendrite/backend';
import { fusedDense } from '@dendrite/backend/internal';
await selectBackend({ prefer: 'wasm', threads: 1 });
function rank3(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor, activation: 'relu' | 'linear'): tf.Tensor2D {
  const [rows, inputs] = x.shape; const units = kernel.shape[1];
  const a = tf.reshape(x, [1, rows, inputs]); const b = tf.reshape(kernel, [1, inputs, units]);
  const product = tf.engine().runKernel('_FusedMatMul', { a, b, bias }, { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0.2, biasShape: bias.shape } as unknown as tf.NamedAttrMap) as tf.Tensor;
  const result = tf.reshape(product, [rows, units]) as tf.Tensor2D; tf.dispose([a, b, product]); return result;
}
const x = tf.randomUniform([128, 784]) as tf.Tensor2D;
const ws = [[784, 128], [128, 128], [128, 16]].map(([i, o]) => tf.variable(tf.randomNormal([i, o], 0, 0.05)));
const bs = [128, 128, 16].map((n) => tf.variable(tf.zeros([n])));
const run = (dense: typeof rank3) => {
  const { value, grads } = tf.variableGrads(() => {
    let h = x as tf.Tensor2D;
    for (let l = 0; l < 3; l++) h = dense(h, ws[l] as unknown as tf.Tensor2D, bs[l], l < 2 ? 'relu' : 'linear');
    return tf.mean(h) as tf.Scalar;
  });
  tf.dispose([value, ...Object.values(grads)]);
};
const fused = (x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor, activation: 'relu' | 'linear') => fusedDense({ x, kernel, bias, activation });
const best = { rank2: Infinity, rank3: Infinity };
for (let round = 0; round < 15; round++) {
  for (const [name, dense] of [['rank2', fused], ['rank3', rank3]] as const) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 100; i++) run(dense);
    const cpu = process.cpuUsage(c0);
    best[name] = Math.min(best[name], (cpu.user + cpu.system) / 100 / 1000);
  }
}
console.log(`cpu ms per forward+backward (min of 15 × 100): rank-2 ${best.rank2.toFixed(3)}, rank-3 reshapes ${best.rank3.toFixed(3)}`);
