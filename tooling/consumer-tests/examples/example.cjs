// The same example from CommonJS.
const dn = require('dendrite');

(async () => {
  const info = await dn.selectBackend();
  const x = dn.tf.randomNormal([16, 3]);
  const y = dn.tf.randomUniform([16, 1]);
  const model = dn.sequential({ layers: [dn.layers.dense({ units: 1, inputShape: [3] })] });
  model.compile({ optimizer: 'sgd', loss: 'mse' });
  const history = await model.fit(x, y, { epochs: 1, verbose: 0 });
  const prediction = model.predict(x);
  console.log(JSON.stringify({ backend: info.name, loss: history.history.loss[0], shape: prediction.shape }));
})();
