// The README's example, short: build, compile, fit one epoch on random data, predict.
import * as dn from 'dendrite';

const info = await dn.selectBackend();
dn.setSeed(1);
const x = dn.tf.randomNormal([32, 4]);
const y = dn.tf.randomUniform([32, 1]);
const model = dn.sequential({ layers: [
  dn.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }),
  dn.layers.dense({ units: 1 }),
] });
model.compile({ optimizer: 'adam', loss: 'mse' });
const history = await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
const prediction = model.predict(x);
const handlers = process.listeners('uncaughtException').length + process.listeners('unhandledRejection').length;
console.log(JSON.stringify({ backend: info.name, loss: history.history.loss[0], shape: prediction.shape, handlers, augment: typeof dn.augment.imageDataGenerator }));
