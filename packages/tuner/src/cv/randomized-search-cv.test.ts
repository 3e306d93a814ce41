import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { dense } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import { sgd } from '@dendrite/optimizers';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyRegression } from '../testing/tiny-regression';
import { crossValidate } from './cross-validate';
import { randint, reciprocal } from './distributions';
import { kerasClassifier, kerasRegressor } from './keras-estimator';
import { randomizedSearchCV, sampleParameters } from './randomized-search-cv';

interface Params {
  nHidden: number;
  nNeurons: number;
  learningRate: number;
}

function buildModel({ nHidden = 1, nNeurons = 4, learningRate = 0.05 }: Partial<Params>) {
  const model = sequential();
  model.add(dense({ units: nNeurons, activation: 'relu', inputShape: [2] }));
  for (let layer = 1; layer < nHidden; layer++) model.add(dense({ units: nNeurons, activation: 'relu' }));
  model.add(dense({ units: 1 }));
  model.compile({ optimizer: sgd({ learningRate }), loss: 'mse', metrics: ['mae'] });
  return model;
}

const data = tinyRegression(30);

describe('cross-validation and RandomizedSearchCV', () => {
  beforeAll(async () => {
    await selectBackend({ prefer: 'cpu' });
  });

  it('samples parameters as ParameterSampler: repeatable, grids without replacement', () => {
    const random = () => 0.5;
    expect(sampleParameters({ learningRate: reciprocal(1e-4, 1e-2), nHidden: [0, 1, 2] }, 1, random)).toEqual([{ learningRate: expect.closeTo(1e-3, 12), nHidden: 1 }]);
    let state = 0;
    const cycling = () => ((state = (state + 0.37) % 1), state);
    const grid = sampleParameters<Params>({ nHidden: [1, 2], nNeurons: [3, 4] }, 10, cycling);
    expect(grid).toHaveLength(4);
    expect(new Set(grid.map((params) => JSON.stringify(params))).size).toBe(4);
    expect(randint(1, 3).rvs(() => 0.99)).toBe(2);
  });

  it('crossValidate scores each fold with a fresh model, −loss by default or a logged metric', async () => {
    setSeed(4);
    const before = tf.memory().numTensors;
    const negLoss = await crossValidate(() => buildModel({}), data.x, data.y, { folds: 3, fit: { epochs: 2, verbose: 0 } });
    expect(negLoss.testScore).toHaveLength(3);
    for (const score of negLoss.testScore) expect(score).toBeLessThan(0);
    const mae = await crossValidate(() => buildModel({}), data.x, data.y, { folds: 3, fit: { epochs: 2, verbose: 0 }, scoring: 'mae' });
    for (const score of mae.testScore) expect(score).toBeGreaterThan(0);
    await expect(crossValidate(() => buildModel({}), data.x, data.y, { folds: 2, fit: { epochs: 1, verbose: 0 }, scoring: 'r2' })).rejects.toThrow('received "r2"');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('randomizedSearchCV: bestParams among the candidates, bestScore the top mean, a refit bestEstimator', async () => {
    setSeed(5);
    const before = tf.memory().numTensors;
    const search = randomizedSearchCV<Params>({
      estimator: kerasRegressor(buildModel),
      distributions: { nHidden: [1, 2], nNeurons: [2, 3, 4], learningRate: reciprocal(3e-3, 3e-2) },
      nIter: 2,
      cv: 3,
      seed: 42,
    });
    await search.fit(data.x, data.y, { epochs: 2, verbose: 0 });
    const results = search.cvResults!;
    expect(results.params).toHaveLength(2);
    expect(results.splitTestScores.every((scores) => scores.length === 3)).toBe(true);
    expect(search.bestScore).toBe(Math.max(...results.meanTestScore));
    expect(results.params).toContainEqual(search.bestParams);
    expect(results.rankTestScore.sort()).toEqual([1, 2]);
    expect(search.bestEstimator!.model!.layers).toHaveLength(search.bestParams!.nHidden! + 1);
    const score = await search.score(data.x, data.y);
    expect(score).toBeCloseTo(-((await search.bestEstimator!.model!.evaluate(data.x, data.y, { verbose: 0 })) as number[])[0], 6);
    search.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('kerasClassifier scores by accuracy and needs the metric', async () => {
    const before = tf.memory().numTensors;
    const labels = { values: Float32Array.from({ length: 30 }, (_, i) => (data.y.values[i] > 0.5 ? 1 : 0)), shape: [30, 1] };
    const build = (withMetric: boolean) => () => {
      const model = sequential({ layers: [dense({ units: 1, activation: 'sigmoid', inputShape: [2] })] });
      model.compile({ optimizer: sgd({ learningRate: 0.5 }), loss: 'binary_crossentropy', metrics: withMetric ? ['accuracy'] : [] });
      return model;
    };
    const classifier = kerasClassifier(build(true));
    await classifier.fit(data.x, labels, { epochs: 5, verbose: 0 });
    const accuracy = await classifier.score(data.x, labels);
    expect(accuracy).toBeGreaterThanOrEqual(0);
    expect(accuracy).toBeLessThanOrEqual(1);
    classifier.dispose();
    const bare = kerasClassifier(build(false));
    await bare.fit(data.x, labels, { epochs: 1, verbose: 0 });
    await expect(bare.score(data.x, labels)).rejects.toThrow("compiled with metrics: ['accuracy']");
    bare.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
