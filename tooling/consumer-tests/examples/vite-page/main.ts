// The smallest page, as a Vite user writes it: select a backend with no configuration, fit a tiny
// model one epoch on random data (SGD: no optimizer state, so every tensor made after the model is
// disposed), predict, and write the outcome into #result (data-state says when).
import * as dn from 'dendrite';

const output = document.querySelector<HTMLPreElement>('#result')!;

async function main(): Promise<void> {
  const selected = await dn.selectBackend();
  const model = dn.sequential({ layers: [dn.layers.dense({ units: 4, inputShape: [3], activation: 'relu' }), dn.layers.dense({ units: 2 })] });
  model.compile({ optimizer: dn.optimizers.sgd({ learningRate: 0.01 }), loss: 'mse' });
  const x = dn.tf.randomNormal([16, 3]);
  const y = dn.tf.randomNormal([16, 2]);
  const before = dn.tf.memory().numTensors;
  const history = await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
  const prediction = model.predict(x) as dn.Tensor;
  const shape = prediction.shape;
  const values = Array.from(await prediction.data());
  prediction.dispose();
  const leaked = dn.tf.memory().numTensors - before;
  dn.tf.dispose([x, y]);
  output.textContent = JSON.stringify({ selected, info: dn.getBackendInfo(), shape, finite: values.every(Number.isFinite), loss: history.history.loss?.[0], leaked });
  output.dataset.state = 'done';
}

main().catch((error: unknown) => {
  output.textContent = JSON.stringify({ error: String((error as Error)?.stack ?? error) });
  output.dataset.state = 'failed';
});
