import { dense, dropout } from '@dendrite/layers';
import { type Callback, Callback as CallbackBase } from '@dendrite/callbacks';
import { sequential } from '@dendrite/models';
import { mnist, scaleImages, toCategorical } from '@dendrite/datasets';
import type { Experiment, ExperimentContext, ExperimentResult } from './experiment';

/** Seconds per epoch, measured by a callback. */
class EpochTimer extends CallbackBase {
  private start = 0;
  readonly seconds: number[] = [];
  override onEpochBegin(): void {
    this.start = performance.now();
  }
  override onEpochEnd(): void {
    this.seconds.push((performance.now() - this.start) / 1000);
  }
}

/** MNIST as seed 000 prepares it: flattened to 784, scaled to [0, 1], one-hot labels. */
export async function loadFlatMnist(context: ExperimentContext) {
  const { train, test } = await mnist({ searchDirs: context.searchDirs });
  const limit = context.limit ?? train.x.shape[0];
  const trainImages = { values: train.x.values.subarray(0, limit * 784), shape: [limit, 28, 28] };
  return {
    xTrain: scaleImages(trainImages, [limit, 784]),
    yTrain: toCategorical(train.y.values.subarray(0, limit), 10),
    xTest: scaleImages(test.x, [test.x.shape[0], 784]),
    yTest: toCategorical(test.y, 10),
  };
}

interface MlpOptions {
  hidden: number[];
  dropoutRate: number;
  optimizer: string;
  epochs: number;
  batchSize: number;
}

/** Seed 000's MNIST MLP: Dense(128, relu) ×N with dropout, softmax output, validation split 0.2. */
export async function runMnistMlp(context: ExperimentContext, options: MlpOptions, callbacks: Callback[] = []): Promise<ExperimentResult> {
  const data = await loadFlatMnist(context);
  const layers = options.hidden.flatMap((units, index) => [
    dense({ units, activation: 'relu', name: index === 0 ? 'dense_layer' : `dense_layer_${index + 1}`, ...(index === 0 ? { inputShape: [784] } : {}) }),
    ...(options.dropoutRate > 0 ? [dropout({ rate: options.dropoutRate })] : []),
  ]);
  const model = sequential({ layers: [...layers, dense({ units: 10, activation: 'softmax', name: `dense_layer_${options.hidden.length + 1}` })] });
  if (context.verbose > 0) model.summary();
  model.compile({ optimizer: options.optimizer, loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const timer = new EpochTimer();
  const history = await model.fit(data.xTrain, data.yTrain, {
    epochs: context.epochs ?? options.epochs,
    batchSize: options.batchSize,
    verbose: context.verbose,
    validationSplit: 0.2,
    callbacks: [timer, ...callbacks],
  });
  const [loss, accuracy] = (await model.evaluate(data.xTest, data.yTest, { batchSize: 1024 })) as number[];
  model.dispose();
  const seconds = timer.seconds.reduce((a, b) => a + b, 0) / Math.max(timer.seconds.length, 1);
  return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: seconds };
}

/** Seed 000's Adam run: 10 epochs to 97.82 % test accuracy. */
export const mnistAdam: Experiment = {
  name: 'mnist-adam',
  description: 'Seed 000: MNIST MLP 784-128-128-10 with dropout 0.3, Adam, batch 128, 10 epochs',
  seedResult: { metric: 'accuracy', value: 0.9782, note: '10 epochs' },
  run: (context) => runMnistMlp(context, { hidden: [128, 128], dropoutRate: 0.3, optimizer: 'adam', epochs: 10, batchSize: 128 }),
};

/** Seed 000's RMSprop run: 97.64 % after 10 epochs. */
export const mnistRmsprop: Experiment = {
  name: 'mnist-rmsprop',
  description: 'Seed 000: the same MLP with RMSprop, 10 epochs',
  seedResult: { metric: 'accuracy', value: 0.9764, note: '10 epochs' },
  run: (context) => runMnistMlp(context, { hidden: [128, 128], dropoutRate: 0.3, optimizer: 'rmsprop', epochs: 10, batchSize: 128 }),
};
