// The example as a TypeScript user writes it; compiled with skipLibCheck: false.
import * as dn from 'dendrite';

export async function run(): Promise<number[]> {
  await dn.selectBackend();
  const x: dn.Tensor = dn.tf.randomNormal([32, 4]);
  const y = dn.tf.randomUniform([32, 1]);
  const model = dn.sequential({ layers: [
    dn.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }),
    dn.layers.dense({ units: 1 }),
  ] });
  model.compile({ optimizer: 'adam', loss: 'mse', metrics: ['mae'] });
  const history = await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
  const generator: dn.augment.ImageDataGenerator = dn.augment.imageDataGenerator({ horizontalFlip: true });
  void generator;
  const prediction = model.predict(x) as dn.Tensor;
  return [history.history.loss![0]!, ...prediction.shape];
}
