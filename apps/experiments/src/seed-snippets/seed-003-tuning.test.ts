import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { HAS_SHARED_DATASETS, writeCaliforniaCache } from './helpers-003';

/**
 * Seed 003, "신경망 Hyperparameter Tuning": `build_model`, `KerasRegressor` and
 * `RandomizedSearchCV`, through `dn.tuner`'s scikit-learn-shaped `kerasRegressor` and
 * `randomizedSearchCV` (3-fold cross-validation scored as KerasRegressor scores, −loss). Epochs
 * and iterations are cut to seconds.
 */

type Rows = { values: Float32Array; shape: number[] };
let train: { x: Rows; y: Rows };
let valid: { x: Rows; y: Rows };
let test: { x: Rows; y: Rows };

interface BuildArgs {
  nHidden?: number;
  nNeurons?: number;
  learningRate?: number;
  inputShape?: number[];
}

/** def build_model(n_hidden=1, n_neurons=30, learning_rate=3e-3, input_shape=[8]) */
function buildModel({ nHidden = 1, nNeurons = 30, learningRate = 3e-3, inputShape = [8] }: BuildArgs = {}): dn.Sequential {
  const model = dn.sequential();
  model.add(dn.layers.inputLayer({ inputShape }));
  for (let layer = 0; layer < nHidden; layer++) model.add(dn.layers.dense({ units: nNeurons, activation: 'relu' }));
  model.add(dn.layers.dense({ units: 1 }));
  const optimizer = dn.optimizers.sgd({ learningRate });
  model.compile({ loss: 'mse', optimizer });
  return model;
}

/** KerasRegressor(build_model).fit(...) then .score(X, y) = −loss, as scikit-learn's wrapper. */
async function fitAndScore(args: BuildArgs, fitOn: { x: Rows; y: Rows }, scoreOn: { x: Rows; y: Rows }, epochs: number): Promise<{ model: dn.Sequential; score: number }> {
  const model = buildModel(args);
  await model.fit(fitOn.x, fitOn.y, { epochs, validationData: [valid.x, valid.y], callbacks: [dn.callbacks.earlyStopping({ patience: 10 })], verbose: 0 });
  const loss = (await model.evaluate(scoreOn.x, scoreOn.y, { verbose: 0 })) as number;
  return { model, score: -loss };
}

describe.skipIf(!HAS_SHARED_DATASETS)('seed 003: hyperparameter search on California housing', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(42);
    const loaded = await dn.datasets.californiaHousing({ cacheDir: writeCaliforniaCache(600), download: false, version: 'small' });
    const split = dn.datasets.trainTestSplit(loaded.train.x as Rows as never, loaded.train.y as Rows as never, { testSize: 120, seed: 42 });
    const scale = (x: Rows) => dn.datasets.normalize(x as never, split.xTrain as never) as Rows;
    const target = (y: Rows): Rows => ({ values: (y.values as Float32Array).map((v) => v / 1e5), shape: [y.shape[0], 1] });
    train = { x: scale(split.xTrain as Rows), y: target(split.yTrain as Rows) };
    valid = { x: scale(split.xTest as Rows), y: target(split.yTest as Rows) };
    test = { x: scale(loaded.test.x as Rows), y: target(loaded.test.y as Rows) };
  });

  it('seed 003 [build_model(); InputLayer(input_shape=input_shape); SGD(lr=learning_rate)]: n_hidden Dense layers, compiled', () => {
    const model = buildModel({ nHidden: 3, nNeurons: 74, learningRate: 0.0058 });
    expect(model.layers.map((layer) => layer.constructor.name)).toEqual(['Dense', 'Dense', 'Dense', 'Dense']);
    expect(model.countParams()).toBe(9 * 74 + 75 * 74 * 2 + 75);
    expect(model.getLearningRate()).toBeCloseTo(0.0058, 8);
    model.dispose();
  });

  it('seed 003 [keras_reg = KerasRegressor(build_model); keras_reg.fit(epochs=100, EarlyStopping(patience=10))]: scores −mse', async () => {
    const before = dn.tf.memory().numTensors;
    const { model, score } = await fitAndScore({}, train, test, 5);
    expect(score).toBeLessThan(0);
    const mse = (await model.evaluate(test.x, test.y, { verbose: 0 })) as number;
    expect(score).toBeCloseTo(-mse, 6);
    model.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });

  it('seed 003 [RandomizedSearchCV(keras_reg, param_distributions, n_iter=10, cv=3); best_params_, best_score_, score, best_estimator_.model]', async () => {
    const before = dn.tf.memory().numTensors;
    // param_distributions: n_hidden in [0, 3], n_neurons in 1..99, learning_rate ~ reciprocal(3e-4, 3e-2)
    const rndSearchCv = dn.tuner.randomizedSearchCV<BuildArgs>({
      estimator: dn.tuner.kerasRegressor(buildModel),
      distributions: { nHidden: [0, 1, 2, 3], nNeurons: Array.from({ length: 99 }, (_, i) => i + 1), learningRate: dn.tuner.reciprocal(3e-4, 3e-2) },
      nIter: 2,
      cv: 3,
      seed: 42,
    });
    await rndSearchCv.fit(train.x, train.y, { epochs: 2, validationData: [valid.x, valid.y], callbacks: [dn.callbacks.earlyStopping({ patience: 10 })], verbose: 0 });
    const results = rndSearchCv.cvResults!;
    // best_params_ is one of the sampled settings; best_score_ the highest mean −mse, negative.
    expect(results.params).toHaveLength(2);
    expect(results.params).toContainEqual(rndSearchCv.bestParams);
    expect(rndSearchCv.bestScore).toBe(Math.max(...results.meanTestScore));
    expect(rndSearchCv.bestScore).toBeLessThan(0);
    // The best rate is one of the sampled ones, so inside the reciprocal distribution's range.
    const bestRate = rndSearchCv.bestParams!.learningRate!;
    expect(bestRate).toBeGreaterThanOrEqual(3e-4);
    expect(bestRate).toBeLessThanOrEqual(3e-2);
    // refit=True: best_estimator_ is trained on all of X_train; rnd_search_cv.score(X_test, y_test) = −its loss
    const model = rndSearchCv.bestEstimator!.model!;
    expect(model.layers).toHaveLength(rndSearchCv.bestParams!.nHidden! + 1);
    const score = await rndSearchCv.score(test.x, test.y);
    expect(score).toBeCloseTo(-((await model.evaluate(test.x, test.y, { verbose: 0 })) as number), 6);
    const prediction = rndSearchCv.predict(test.x);
    expect(prediction.shape).toEqual([test.x.shape[0], 1]);
    prediction.dispose();
    rndSearchCv.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });
});
