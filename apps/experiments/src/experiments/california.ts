import { type ArrayWithShape, fetchCaliforniaHousing, normalize, takeRows, trainTestSplit } from '@dendrite/datasets';
import { type SymbolicTensor, concatenate, dense, input } from '@dendrite/layers';
import { type Model, model as functionalModel, sequential } from '@dendrite/models';
import { sgd } from '@dendrite/optimizers';
import type { Experiment, ExperimentContext, ExperimentResult } from './experiment';
import { EpochTimer } from './timing';

type Rows = ArrayWithShape<Float32Array>;

/** Géron's California split and scaling, the seed 003 cells before the models. */
export interface CaliforniaSplit {
  xTrain: Rows;
  yTrain: Rows;
  xValid: Rows;
  yValid: Rows;
  xTest: Rows;
  yTest: Rows;
}

/**
 * `housing = fetch_california_housing()`; `X_train_full, X_test, … = train_test_split(housing.data,
 * housing.target, random_state=42)`; `X_train, X_valid, … = train_test_split(X_train_full,
 * y_train_full, random_state=42)`; a `StandardScaler` fitted on `X_train`. The rows are the very
 * rows scikit-learn picks (11 610 / 3 870 / 5 160); `limit` keeps the first training rows only.
 */
export async function geronCaliforniaSplit(context: Pick<ExperimentContext, 'searchDirs' | 'limit'>): Promise<CaliforniaSplit> {
  const housing = await fetchCaliforniaHousing({ searchDirs: context.searchDirs });
  const target = housing.y as Rows;
  const full = trainTestSplit(housing.x, { values: target.values, shape: [target.shape[0], 1] }, { seed: 42 });
  const split = trainTestSplit(full.xTrain, full.yTrain, { seed: 42 });
  const kept = Int32Array.from({ length: Math.min(context.limit ?? Infinity, split.xTrain.shape[0]) }, (_, i) => i);
  const xTrain = takeRows(split.xTrain, kept);
  return {
    xTrain: normalize(xTrain),
    yTrain: takeRows(split.yTrain, kept),
    xValid: normalize(split.xTest, xTrain),
    yValid: split.yTest,
    xTest: normalize(full.xTest, xTrain),
    yTest: full.yTest,
  };
}

/** Compiles with MSE and SGD(1e-3), fits with validation, evaluates `mse_test`: seed 003's cells. */
async function fitRegressor(model: Model, data: CaliforniaSplit, epochs: number, context: ExperimentContext): Promise<ExperimentResult> {
  model.compile({ loss: 'mse', optimizer: sgd({ learningRate: 1e-3 }) });
  const timer = new EpochTimer();
  const history = await model.fit(data.xTrain, data.yTrain, { epochs: context.epochs ?? epochs, batchSize: 32, validationData: [data.xValid, data.yValid], verbose: context.verbose, callbacks: [timer] });
  const mseTest = (await model.evaluate(data.xTest, data.yTest)) as number;
  model.dispose();
  const valLoss = history.history.val_loss;
  return { test: { mse_test: mseTest, val_loss: valLoss.at(-1)!, val_loss_epoch_10: valLoss[Math.min(9, valLoss.length - 1)] }, history: history.history, secondsPerEpoch: timer.mean };
}

/** Seed 003: the Sequential regressor, Dense(30)-Dense(30)-Dense(1), SGD(1e-3), 30 epochs. */
export const californiaSequential: Experiment = {
  name: 'california-sequential',
  description: "Seed 003: California housing (scikit-learn's features, Géron's split), Dense(30)-Dense(30)-Dense(1), MSE, SGD(1e-3), batch 32, 30 epochs",
  async run(context) {
    const data = await geronCaliforniaSplit(context);
    const model = sequential({ layers: [dense({ units: 30, activation: 'relu', inputShape: [8] }), dense({ units: 30, activation: 'relu' }), dense({ units: 1 })] });
    return fitRegressor(model, data, 30, context);
  },
};

/** Seed 003: the functional wide-and-deep model, input concatenated with two hidden layers, 20 epochs. */
export const californiaWideDeep: Experiment = {
  name: 'california-wide-deep',
  description: 'Seed 003: California housing, functional wide & deep (Input → Dense(30) → Dense(30), concatenate with the input, Dense(1)), MSE, SGD(1e-3), 20 epochs',
  seedResult: { metric: 'val_loss_epoch_10', value: 0.4313, note: 'epoch 10; the notes print 10 of 20 epochs' },
  async run(context) {
    const data = await geronCaliforniaSplit(context);
    const inputs = input({ shape: [8] });
    const hidden1 = dense({ units: 30, activation: 'relu' }).apply(inputs) as SymbolicTensor;
    const hidden2 = dense({ units: 30, activation: 'relu' }).apply(hidden1) as SymbolicTensor;
    const output = dense({ units: 1 }).apply(concatenate([inputs, hidden2])) as SymbolicTensor;
    return fitRegressor(functionalModel({ inputs: [inputs], outputs: [output] }), data, 20, context);
  },
};
