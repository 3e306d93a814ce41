/** `tsx src/perf-step-loop.ts`: runs MNIST MLP train steps on one batch in a loop (for --cpu-prof or callgrind). */
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { mnistModel, mnistTrain } from './mnist-models';
await selectBackend({ prefer: 'wasm', threads: Number(process.env.THREADS ?? 1) });
tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
setSeed(1);
const { x, y } = await mnistTrain('mlp');
const model = mnistModel('mlp');
const xs = tf.tensor2d(x.values.subarray(0, 128 * 784), [128, 784]);
const ys = tf.tensor2d(y.values.subarray(0, 128 * 10), [128, 10]);
const steps = Number(process.env.STEPS ?? 1000);
for (let i = 0; i < 50; i++) model.trainStep({ x: [xs], y: [ys] });
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 0; i < steps; i++) model.trainStep({ x: [xs], y: [ys] });
const cpu = process.cpuUsage(c0);
console.log(`${steps} steps: wall ${((performance.now() - t0) / steps).toFixed(3)} ms/step, cpu ${((cpu.user + cpu.system) / 1000 / steps).toFixed(3)} ms/step`);
