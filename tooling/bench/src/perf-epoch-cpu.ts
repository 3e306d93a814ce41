/** `tsx src/perf-epoch-cpu.ts`: wall and CPU seconds of one-thread MNIST MLP epochs on wasm (fed host arrays), for comparisons on a loaded machine. */
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { mnistModel, mnistTrain } from './mnist-models';
await selectBackend({ prefer: 'wasm', threads: 1 });
tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
setSeed(1);
const { x, y } = await mnistTrain('mlp');
const model = mnistModel('mlp');
const fit = (rows: number) => model.fit({ values: x.values.subarray(0, rows * 784), shape: [rows, 784] }, { values: y.values.subarray(0, rows * 10), shape: [rows, 10] }, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
await fit(1024);
for (let run = 0; run < 3; run++) {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  await fit(60000);
  const cpu = process.cpuUsage(c0);
  console.log(`epoch wall ${((performance.now() - t0) / 1000).toFixed(3)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s`);
}
