import { earlyStopping } from '@dendrite/callbacks';
import { dense, inputLayer } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import { sgd } from '@dendrite/optimizers';
import { tuner } from 'dendrite';
import { geronCaliforniaSplit } from './california';
import type { Experiment } from './experiment';
import { EpochTimer } from './timing';

/** `build_model(n_hidden=1, n_neurons=30, learning_rate=3e-3, input_shape=[8])`'s arguments. */
interface BuildArgs {
  nHidden: number;
  nNeurons: number;
  learningRate: number;
}

/** Seed 003's `build_model`: n_hidden Dense(n_neurons, relu), Dense(1), MSE, SGD(learning_rate). */
function buildModel({ nHidden = 1, nNeurons = 30, learningRate = 3e-3 }: Partial<BuildArgs>) {
  const model = sequential();
  model.add(inputLayer({ inputShape: [8] }));
  for (let layer = 0; layer < nHidden; layer++) model.add(dense({ units: nNeurons, activation: 'relu' }));
  model.add(dense({ units: 1 }));
  model.compile({ loss: 'mse', optimizer: sgd({ learningRate }) });
  return model;
}

/**
 * Seed 003: `RandomizedSearchCV(KerasRegressor(build_model), param_distributions, n_iter=10, cv=3)`
 * over n_hidden (0–3), n_neurons (1–99) and a reciprocal(3e-4, 3e-2) learning rate, fitted with
 * `epochs=100, validation_data=(X_valid, y_valid), EarlyStopping(patience=10)` on Géron's
 * California split; reports `best_params_`, `best_score_` (−MSE) and `score(X_test, y_test)`.
 */
export const californiaSearch: Experiment = {
  name: 'california-search',
  description: "Seed 003: RandomizedSearchCV(KerasRegressor(build_model), n_iter=10, cv=3) over n_hidden, n_neurons and a reciprocal learning rate, SGD, MSE, EarlyStopping(patience=10), California housing (Géron's split)",
  seedResult: { metric: 'best_score', value: -0.3242675264676412, note: "best_score_ (−MSE) of the notes' search" },
  async run(context) {
    const data = await geronCaliforniaSplit(context);
    const timer = new EpochTimer();
    const search = tuner.randomizedSearchCV<BuildArgs>({
      estimator: tuner.kerasRegressor(buildModel),
      distributions: {
        nHidden: [0, 1, 2, 3],
        nNeurons: Array.from({ length: 99 }, (_, i) => i + 1),
        learningRate: tuner.reciprocal(3e-4, 3e-2),
      },
      nIter: context.limit === undefined ? 10 : 2,
      cv: 3,
      seed: 42,
      verbose: context.verbose > 0 ? 2 : 0,
    });
    await search.fit(data.xTrain, data.yTrain, { epochs: context.epochs ?? 100, verbose: 0, validationData: [data.xValid, data.yValid], callbacks: [earlyStopping({ patience: 10 }), timer] });
    const best = search.bestParams!;
    const testScore = await search.score(data.xTest, data.yTest);
    if (context.verbose > 0) console.log(`best_params_ ${JSON.stringify(best)}\nbest_score_ ${search.bestScore}\nscore(X_test, y_test) ${testScore}`);
    search.dispose();
    const results = search.cvResults!;
    return {
      test: { best_score: search.bestScore!, test_score: testScore, best_n_hidden: best.nHidden!, best_n_neurons: best.nNeurons!, best_learning_rate: best.learningRate! },
      history: { mean_test_score: results.meanTestScore, std_test_score: results.stdTestScore },
      secondsPerEpoch: timer.mean,
      plotAxes: { xTitle: 'candidate', yScale: 'symlog' },
    };
  },
};
