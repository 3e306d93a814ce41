import { fashionMnist, iris, scaleImages, toCategorical, trainTestSplit } from '@dendrite/datasets';
import { dense, flatten } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import type { Experiment } from './experiment';
import { EpochTimer } from './timing';

/** Seed 003: Fashion-MNIST with Flatten-300-100-10, SGD, sparse labels, 30 epochs (88.27 %). */
export const fashionMlp: Experiment = {
  name: 'fashion-mlp',
  description: 'Seed 003: Fashion-MNIST, Flatten-Dense(300)-Dense(100)-Dense(10), SGD, sparse crossentropy, 30 epochs',
  seedResult: { metric: 'accuracy', value: 0.8827, note: '30 epochs' },
  async run(context) {
    const { train, test } = await fashionMnist({ searchDirs: context.searchDirs });
    const limit = context.limit ?? 55000;
    const x = scaleImages({ values: train.x.values.subarray(0, Math.min(limit, 55000) * 784), shape: [Math.min(limit, 55000), 28, 28] });
    const y = { values: train.y.values.subarray(0, Math.min(limit, 55000)), shape: [Math.min(limit, 55000)] };
    const validation = { x: scaleImages({ values: train.x.values.subarray(55000 * 784), shape: [5000, 28, 28] }), y: { values: train.y.values.subarray(55000), shape: [5000] } };
    const model = sequential({ layers: [flatten({ inputShape: [28, 28] }), dense({ units: 300, activation: 'relu' }), dense({ units: 100, activation: 'relu' }), dense({ units: 10, activation: 'softmax' })] });
    model.compile({ optimizer: 'sgd', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
    const timer = new EpochTimer();
    const history = await model.fit(x, y, { epochs: context.epochs ?? 30, validationData: [validation.x, validation.y], verbose: context.verbose, callbacks: [timer] });
    const [loss, accuracy] = (await model.evaluate(scaleImages(test.x), test.y)) as number[];
    model.dispose();
    return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: timer.mean };
  },
};

/** Seed 001: iris with a 16-8-3 MLP, Adam, batch 7, 500 epochs on a 70/30 split. */
export const irisMlp: Experiment = {
  name: 'iris-mlp',
  description: 'Seed 001: iris, Dense(16)-Dense(8)-Dense(3, softmax), Adam, batch 7, 500 epochs, 105/45 split',
  seedResult: { metric: 'accuracy', value: 1, note: 'the notes show a perfect fit' },
  async run(context) {
    const table = await iris({ searchDirs: context.searchDirs });
    const { xTrain, xTest, yTrain, yTest } = trainTestSplit(table.x, table.y as never, { testSize: 45, seed: 42 });
    const model = sequential({ layers: [dense({ units: 16, activation: 'relu', inputShape: [4] }), dense({ units: 8, activation: 'relu' }), dense({ units: 3, activation: 'softmax' })] });
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const timer = new EpochTimer();
    const yTrainHot = toCategorical(yTrain, 3);
    const yTestHot = toCategorical(yTest, 3);
    const history = await model.fit(xTrain, yTrainHot, { epochs: context.epochs ?? 500, batchSize: 7, validationData: [xTest, yTestHot], verbose: context.verbose === 1 ? 2 : context.verbose, callbacks: [timer] });
    const [loss, accuracy] = (await model.evaluate(xTest, yTestHot)) as number[];
    model.dispose();
    return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: timer.mean };
  },
};

/**
 * Seed 003: Rosenblatt's perceptron learning rule (scikit-learn's Perceptron) on iris petal length
 * and width, setosa against the rest — plain arithmetic, no backend.
 */
export const perceptronIris: Experiment = {
  name: 'perceptron-iris',
  description: 'Seed 003: the perceptron learning rule on iris petals, setosa or not (predicts [2, 0.5] as setosa)',
  seedResult: { metric: 'accuracy', value: 1, note: 'linearly separable' },
  async run(context) {
    const table = await iris({ searchDirs: context.searchDirs });
    const samples = table.x.shape[0];
    const features = Array.from({ length: samples }, (_, i) => [table.x.values[i * 4 + 2], table.x.values[i * 4 + 3]]);
    const labels = Array.from({ length: samples }, (_, i) => (table.y.values[i] === 0 ? 1 : 0));
    const w = [0, 0];
    let b = 0;
    const predict = (x: number[]) => (w[0] * x[0] + w[1] * x[1] + b >= 0 ? 1 : 0);
    const start = performance.now();
    const epochs = context.epochs ?? 1000;
    const errors: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      let mistakes = 0;
      features.forEach((x, i) => {
        const error = labels[i] - predict(x);
        if (error !== 0) {
          mistakes++;
          w[0] += error * x[0];
          w[1] += error * x[1];
          b += error;
        }
      });
      errors.push(mistakes / samples);
      if (mistakes === 0) break;
    }
    const accuracy = features.filter((x, i) => predict(x) === labels[i]).length / samples;
    if (context.verbose > 0) console.log(`weights [${w.join(', ')}], bias ${b}; [2, 0.5] → ${predict([2, 0.5])}`);
    return { test: { accuracy }, history: { loss: errors }, secondsPerEpoch: (performance.now() - start) / 1000 / errors.length };
  },
};