import { bostonHousing, normalize, takeRows } from '@dendrite/datasets';
import { dense } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import { tuner } from 'dendrite';
import type { Experiment, ExperimentContext, ExperimentResult } from './experiment';
import { EpochTimer } from './timing';

/**
 * Seed 004: Boston housing scored by 4-fold validation — `num_val_samples = len(train_data) // k`,
 * a Dense(64)-Dense(64)-Dense(1) regressor on RMSprop per fold, batch 1, 100 epochs, the mean of
 * the folds' validation MAE (2.64) — through `crossValidate` and `kFold`.
 */
export const bostonKfold: Experiment = {
  name: 'boston-kfold',
  description: 'Seed 004: Boston housing, 4-fold cross-validation, Dense(64)-Dense(64)-Dense(1), RMSprop, batch 1, 100 epochs',
  seedResult: { metric: 'mae', value: 2.6436, note: 'mean validation MAE of 4 folds' },
  async run(context: ExperimentContext): Promise<ExperimentResult> {
    const { train } = await bostonHousing({ searchDirs: context.searchDirs });
    const samples = Math.min(context.limit ?? train.x.shape[0], train.x.shape[0]);
    const rows = Int32Array.from({ length: samples }, (_, i) => i);
    const x = normalize(takeRows(train.x, rows));
    const y = takeRows(train.y as never, rows);
    const timer = new EpochTimer();
    // The seed's folds are blocks of len // k rows (the last rows beyond k blocks train every fold);
    // scikit-learn's KFold would spread the remainder over the first folds instead.
    const size = Math.floor(samples / 4);
    const folds = tuner.kFold(size * 4, { nSplits: 4 }).map((fold) => ({ test: fold.test, train: Int32Array.from([...fold.train, ...Array.from({ length: samples - size * 4 }, (_, i) => size * 4 + i)]) }));
    const buildModel = () => {
      const model = sequential({ layers: [dense({ units: 64, activation: 'relu', inputShape: [13] }), dense({ units: 64, activation: 'relu' }), dense({ units: 1 })] });
      model.compile({ optimizer: 'rmsprop', loss: 'mse', metrics: ['mae'] });
      return model;
    };
    const { testScore } = await tuner.crossValidate(buildModel, x, y, { folds, fit: { epochs: context.epochs ?? 100, batchSize: 1, verbose: 0, callbacks: [timer] }, scoring: 'mae' });
    if (context.verbose > 0) console.log(`Fold MAEs: ${testScore.map((score) => score.toFixed(4)).join(', ')}`);
    return { test: { mae: testScore.reduce((a, b) => a + b, 0) / testScore.length }, history: { fold_mae: testScore }, secondsPerEpoch: timer.mean };
  },
};
