/**
 * `tsx src/fit-split.ts`: where a fit epoch of the MNIST MLP on wasm (1 thread) spends its time — inside
 * `trainStep`, inside `testStep` (validation), and the rest (batching, callbacks, read-backs). For
 * finding work, not for asserting anything.
 */
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { mnistModel, mnistTrain } from './mnist-models';

await selectBackend({ prefer: 'wasm', threads: 1 });
tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
setSeed(1);
const { x, y } = await mnistTrain('mlp');
const model = mnistModel('mlp');
let inTrain = 0, inTest = 0, nTrain = 0;
const trainStep = model.trainStep.bind(model), testStep = model.testStep.bind(model);
model.trainStep = (data) => { const t0 = performance.now(); trainStep(data); inTrain += performance.now() - t0; nTrain++; };
model.testStep = (data) => { const t0 = performance.now(); testStep(data); inTest += performance.now() - t0; };
for (let run = 0; run < 3; run++) {
  inTrain = inTest = nTrain = 0;
  const t0 = performance.now();
  await model.fit(x, y, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
  const wall = performance.now() - t0;
  console.log(`epoch ${wall.toFixed(0)} ms: trainStep ${inTrain.toFixed(0)} (${nTrain}), testStep ${inTest.toFixed(0)}, rest ${(wall - inTrain - inTest).toFixed(0)}`);
}
