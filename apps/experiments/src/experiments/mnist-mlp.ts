import { dense, dropout } from '@dendrite/layers';
import type { LossIdentifier } from '@dendrite/losses';
import type { Callback } from '@dendrite/callbacks';
import type { Layer } from '@dendrite/layers';
import { EpochTimer } from './timing';
import { sequential } from '@dendrite/models';
import { mnist, scaleImages, toCategorical } from '@dendrite/datasets';
import type { Experiment, ExperimentContext, ExperimentResult } from './experiment';

/** MNIST as seed 000 prepares it: flattened to 784, scaled to [0, 1], one-hot labels. */
export async function loadFlatMnist(context: ExperimentContext & { reshape?: number[] }) {
  const { train, test } = await mnist({ searchDirs: context.searchDirs });
  const limit = context.limit ?? train.x.shape[0];
  const testLimit = context.limit ?? test.x.shape[0];
  const sample = context.reshape ?? [784];
  const trainImages = { values: train.x.values.subarray(0, limit * 784), shape: [limit, 28, 28] };
  const testImages = { values: test.x.values.subarray(0, testLimit * 784), shape: [testLimit, 28, 28] };
  return {
    xTrain: scaleImages(trainImages, [limit, ...sample]),
    yTrain: toCategorical(train.y.values.subarray(0, limit), 10),
    xTest: scaleImages(testImages, [testLimit, ...sample]),
    yTest: toCategorical(test.y.values.subarray(0, testLimit), 10),
  };
}

interface MlpOptions {
  hidden: number[];
  dropoutRate: number;
  optimizer: string;
  epochs: number;
  batchSize: number;
  learningRate?: number;
}

/** Seed 000's MNIST MLP: Dense(128, relu) ×N with dropout, softmax output, validation split 0.2. */
export function mnistMlpLayers(options: Pick<MlpOptions, 'hidden' | 'dropoutRate'>): Layer[] {
  const layers = options.hidden.flatMap((units, index) => [
    dense({ units, activation: 'relu', name: index === 0 ? 'dense_layer' : `dense_layer_${index + 1}`, ...(index === 0 ? { inputShape: [784] } : {}) }),
    ...(options.dropoutRate > 0 ? [dropout({ rate: options.dropoutRate })] : []),
  ]);
  const first = options.hidden.length === 0;
  return [...layers, dense({ units: 10, activation: 'softmax', name: first ? 'dense_layer' : `dense_layer_${options.hidden.length + 1}`, ...(first ? { inputShape: [784] } : {}) })];
}

/** Trains a Sequential on flattened MNIST with validation split 0.2 and evaluates it on the test set. */
export async function fitMnist(context: ExperimentContext, layers: Layer[], compile: { optimizer: unknown; loss?: LossIdentifier }, epochs: number, batchSize: number, callbacks: Callback[] = []): Promise<ExperimentResult> {
  const data = await loadFlatMnist(context);
  const model = sequential({ layers });
  if (context.verbose > 0) model.summary();
  model.compile({ optimizer: compile.optimizer as never, loss: compile.loss ?? 'categorical_crossentropy', metrics: ['accuracy'] });
  const timer = new EpochTimer();
  const history = await model.fit(data.xTrain, data.yTrain, { epochs: context.epochs ?? epochs, batchSize, verbose: context.verbose, validationSplit: 0.2, callbacks: [timer, ...callbacks] });
  const [loss, accuracy] = (await model.evaluate(data.xTest, data.yTest, { batchSize: 1024 })) as number[];
  model.dispose();
  return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: timer.mean };
}

/** Seed 000's MNIST MLP run with one optimizer. */
export function runMnistMlp(context: ExperimentContext, options: MlpOptions, callbacks: Callback[] = []): Promise<ExperimentResult> {
  const optimizer = options.learningRate === undefined ? options.optimizer : { class_name: options.optimizer, config: { learning_rate: options.learningRate } };
  return fitMnist(context, mnistMlpLayers(options), { optimizer }, options.epochs, options.batchSize, callbacks);
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

/** Seed 000: one Dense softmax layer with SGD, 200 epochs (90.71 %). */
export const mnistSingleSgd: Experiment = {
  name: 'mnist-single-sgd',
  description: 'Seed 000: a single Dense(10, softmax) layer on MNIST, SGD, batch 128, 200 epochs',
  seedResult: { metric: 'accuracy', value: 0.9071, note: '200 epochs' },
  run: (context) => runMnistMlp(context, { hidden: [], dropoutRate: 0, optimizer: 'sgd', epochs: 200, batchSize: 128 }),
};

/** Seed 000: two hidden layers of 128 with SGD, 50 epochs (91.18 %). */
export const mnistHiddenSgd: Experiment = {
  name: 'mnist-hidden-sgd',
  description: 'Seed 000: two hidden Dense(128, relu) layers, SGD, batch 128, 50 epochs',
  seedResult: { metric: 'accuracy', value: 0.9118, note: '50 epochs' },
  run: (context) => runMnistMlp(context, { hidden: [128, 128], dropoutRate: 0, optimizer: 'sgd', epochs: 50, batchSize: 128 }),
};

/** Seed 000: the hidden layers with dropout 0.3, SGD, 200 epochs (94.15 %). */
export const mnistDropoutSgd: Experiment = {
  name: 'mnist-dropout-sgd',
  description: 'Seed 000: two hidden layers with dropout 0.3, SGD, batch 128, 200 epochs',
  seedResult: { metric: 'accuracy', value: 0.9415, note: '200 epochs' },
  run: (context) => runMnistMlp(context, { hidden: [128, 128], dropoutRate: 0.3, optimizer: 'sgd', epochs: 200, batchSize: 128 }),
};

/** Seed 002: the Keras MNIST example — 128-128 with dropout 0.3, Adam, 20 epochs (98.04 %). */
export const kerasMnistBasic: Experiment = {
  name: 'keras-mnist-basic',
  description: 'Seed 002: Dense(128)-relu-dropout 0.3 ×2, softmax, Adam, batch 128, 20 epochs',
  seedResult: { metric: 'accuracy', value: 0.9804, note: '20 epochs' },
  run: (context) => runMnistMlp(context, { hidden: [128, 128], dropoutRate: 0.3, optimizer: 'adam', epochs: 20, batchSize: 128 }),
};
