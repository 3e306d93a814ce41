import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { earlyStopping } from '@dendrite/callbacks';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTinyRegressor, tinyRegression } from './testing/tiny-regression';
import { BayesianOptimization, GridSearch, Hyperband, RandomSearch } from './tuners';

const data = tinyRegression();
const fitOptions = { epochs: 3, batchSize: 8, validationSplit: 0.25, verbose: 0 as const };

describe('tuners on a tiny regression', () => {
  beforeAll(async () => {
    await selectBackend({ prefer: 'cpu' });
  });

  it('RandomSearch: maxTrials trials, best by val_loss, models with the best epoch weights, no leaked tensor', async () => {
    setSeed(1);
    const before = tf.memory().numTensors;
    const tuner = new RandomSearch(buildTinyRegressor, { objective: 'val_loss', maxTrials: 3, seed: 11 });
    await tuner.search(data.x, data.y, { ...fitOptions, callbacks: [earlyStopping({ patience: 1 })] });
    const trials = [...tuner.oracle.trials.values()];
    expect(trials.map((trial) => trial.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    const best = tuner.oracle.getBestTrials(3);
    expect(best[0].score).toBe(Math.min(...trials.map((trial) => trial.score!)));
    expect(tuner.getBestHyperparameters(1)[0].values).toEqual(best[0].values);
    const [model] = await tuner.getBestModels(1);
    // The rebuilt model carries the best epoch's weights: its validation loss is the trial's score.
    const validation = { values: data.x.values.subarray(30 * 2), shape: [10, 2] };
    const target = { values: data.y.values.subarray(30), shape: [10, 1] };
    expect((await model.evaluate(validation, target, { verbose: 0 })) as number).toBeCloseTo(best[0].score!, 4);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the same seed gives the same trials; resultsSummary prints as KerasTuner', async () => {
    const before = tf.memory().numTensors;
    const values = async () => {
      const tuner = new RandomSearch(buildTinyRegressor, { objective: 'val_loss', maxTrials: 2, seed: 5 });
      await tuner.search(data.x, data.y, { ...fitOptions, epochs: 1 });
      return tuner;
    };
    const first = await values();
    const second = await values();
    expect([...first.oracle.trials.values()].map((trial) => trial.values)).toEqual([...second.oracle.trials.values()].map((trial) => trial.values));
    const text = first.resultsSummary(1, null);
    const best = first.oracle.getBestTrials(1)[0];
    expect(text.split('\n').slice(0, 4)).toEqual(['Results summary', 'Results in <memory>', 'Showing 1 best trials', 'Objective(name="val_loss", direction="min")']);
    expect(text).toContain(`\nTrial ${best.trialId} summary\nHyperparameters:\nunits: ${best.values.units}\nlearning_rate: `);
    expect(text).toMatch(/\nScore: \d\.\d+(e-\d+)?$/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('executionsPerTrial builds and trains each trial that many times and averages the score', async () => {
    const before = tf.memory().numTensors;
    let builds = 0;
    const tuner = new RandomSearch((hp) => (builds++, buildTinyRegressor(hp)), { objective: 'val_loss', maxTrials: 2, seed: 4, executionsPerTrial: 2 });
    await tuner.search(data.x, data.y, { ...fitOptions, epochs: 1 });
    // One build to learn the space, then two per trial.
    expect(builds).toBe(1 + 2 * 2);
    expect(() => new RandomSearch(buildTinyRegressor, { objective: 'loss', executionsPerTrial: 0 })).toThrow('Expected executionsPerTrial to be a positive integer, received 0');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('GridSearch walks the grid, Hyperband resumes earlier trials, BayesianOptimization completes', async () => {
    const before = tf.memory().numTensors;
    const grid = new GridSearch((hp) => buildTinyRegressor(hp), { objective: 'loss', maxTrials: 3 });
    grid.oracle.hyperparameters.float('learning_rate', { minValue: 0.01, maxValue: 0.03, step: 0.01 });
    await grid.search(data.x, data.y, { ...fitOptions, epochs: 1 });
    expect([...grid.oracle.trials.values()].map((trial) => trial.values)).toEqual([
      { learning_rate: 0.01, units: 1 }, { learning_rate: 0.01, units: 2 }, { learning_rate: 0.01, units: 3 },
    ]);
    const hyperband = new Hyperband(buildTinyRegressor, { objective: 'val_loss', maxEpochs: 3, factor: 3, seed: 2 });
    await hyperband.search(data.x, data.y, fitOptions);
    const promoted = [...hyperband.oracle.trials.values()].filter((trial) => trial.values['tuner/trial_id'] !== undefined);
    expect(promoted.length).toBeGreaterThan(0);
    expect(promoted.every((trial) => trial.status === 'COMPLETED')).toBe(true);
    const bayesian = new BayesianOptimization(buildTinyRegressor, { objective: 'val_loss', maxTrials: 4, numInitialPoints: 2, seed: 3 });
    await bayesian.search(data.x, data.y, { ...fitOptions, epochs: 1 });
    expect(bayesian.oracle.getBestTrials(4)).toHaveLength(4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('writes oracle.json and trial_<id>/ to the project directory; overwrite: false resumes without repeating', async () => {
    const before = tf.memory().numTensors;
    const directory = mkdtempSync(join(tmpdir(), 'dendrite-tuner-'));
    const first = new RandomSearch(buildTinyRegressor, { objective: 'val_loss', maxTrials: 2, seed: 9, directory, projectName: 'housing' });
    await first.search(data.x, data.y, { ...fitOptions, epochs: 1 });
    expect(readdirSync(join(directory, 'housing')).sort()).toEqual(['oracle.json', 'trial_0', 'trial_1']);
    expect(JSON.parse(readFileSync(join(directory, 'housing/trial_1/trial.json'), 'utf8'))).toMatchObject({ trialId: '1', status: 'COMPLETED' });
    let builds = 0;
    const more = new RandomSearch((hp) => (builds++, buildTinyRegressor(hp)), { objective: 'val_loss', maxTrials: 3, seed: 9, directory, projectName: 'housing' });
    await more.search(data.x, data.y, { ...fitOptions, epochs: 1 });
    expect(builds).toBe(1);
    expect([...more.oracle.trials.keys()]).toEqual(['0', '1', '2']);
    const [model] = await more.getBestModels(1);
    model.dispose();
    // overwrite: true starts over.
    const fresh = new RandomSearch(buildTinyRegressor, { objective: 'val_loss', maxTrials: 1, seed: 9, directory, projectName: 'housing', overwrite: true });
    await fresh.search(data.x, data.y, { ...fitOptions, epochs: 1 });
    expect(readdirSync(join(directory, 'housing')).sort()).toEqual(['oracle.json', 'trial_0']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names unknown options and an objective fit never logs', async () => {
    expect(() => new RandomSearch(buildTinyRegressor, { objective: 'val_loss', max_trials: 3 } as never)).toThrow('Unknown option "max_trials" in RandomSearch: did you mean "maxTrials"?');
    const tuner = new RandomSearch(buildTinyRegressor, { objective: 'val_loss', maxTrials: 1 });
    await expect(tuner.search(data.x, data.y, { epochs: 1, verbose: 0 })).rejects.toThrow('Expected fit to log the objective "val_loss", received only loss');
  });
});
