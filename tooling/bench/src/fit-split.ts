/**
 * `tsx src/fit-split.ts`: where a fit epoch of the MNIST MLP on wasm spends its time — inside
 * `trainStep`, inside `testStep` (validation), and the rest (batching, callbacks, read-backs). For
 * finding work, not for asserting anything.
 */
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { mnist, scaleImages, toCategorical } from '@dendrite/datasets';
import { dense, dropout } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
await selectBackend({ prefer: 'wasm' });
tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
setSeed(1);
const { train } = await mnist();
const x = scaleImages(train.x, [60000, 784]).values, y = toCategorical(train.y, 10).values;
const model = sequential({ layers: [dense({ units: 128, activation: 'relu', inputShape: [784] }), dropout({ rate: 0.3 }), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.3 }), dense({ units: 10, activation: 'softmax' })] });
model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
let inTrain = 0, inTest = 0, nTrain = 0;
const trainStep = model.trainStep.bind(model), testStep = model.testStep.bind(model);
model.trainStep = (d: any) => { const t0 = performance.now(); trainStep(d); inTrain += performance.now() - t0; nTrain++; };
model.testStep = (d: any) => { const t0 = performance.now(); testStep(d); inTest += performance.now() - t0; };
for (let run = 0; run < 3; run++) {
  inTrain = inTest = nTrain = 0;
  const t0 = performance.now();
  await model.fit({ values: x, shape: [60000, 784] }, { values: y, shape: [60000, 10] }, { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 });
  const wall = performance.now() - t0;
  console.log(`epoch ${wall.toFixed(0)} ms: trainStep ${inTrain.toFixed(0)} (${nTrain}), testStep ${inTest.toFixed(0)}, rest ${(wall - inTrain - inTest).toFixed(0)}`);
}
