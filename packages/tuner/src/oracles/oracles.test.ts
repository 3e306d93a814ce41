import { describe, expect, it } from 'vitest';
import { BayesianOptimizationOracle } from './bayesian-optimization-oracle';
import { GridSearchOracle } from './grid-search-oracle';
import { RandomSearchOracle } from './random-search-oracle';

describe('RandomSearchOracle', () => {
  it('repeats itself with a seed, never repeats a set, and stops at maxTrials', () => {
    const run = (seed: number) => {
      const oracle = new RandomSearchOracle({ objective: 'val_loss', maxTrials: 5, seed });
      oracle.hyperparameters.int('units', { minValue: 1, maxValue: 99 });
      oracle.hyperparameters.float('lr', { minValue: 3e-4, maxValue: 3e-2, sampling: 'log' });
      const values = [];
      for (let trial = oracle.createTrial(); trial.status === 'RUNNING'; trial = oracle.createTrial()) {
        values.push(trial.values);
        oracle.endTrial(trial.trialId, { status: 'COMPLETED', score: 1 });
      }
      return { values, ids: [...oracle.trials.keys()] };
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42).values).not.toEqual(run(43).values);
    expect(run(42).ids).toEqual(['0', '1', '2', '3', '4']);
    for (const values of run(42).values) expect(values.lr).toBeGreaterThanOrEqual(3e-4);
  });

  it('stops when the space is exhausted (collisions)', () => {
    const oracle = new RandomSearchOracle({ objective: 'loss', maxTrials: 50, seed: 1 });
    oracle.hyperparameters.boolean('flag');
    let created = 0;
    for (let trial = oracle.createTrial(); trial.status === 'RUNNING'; trial = oracle.createTrial()) {
      created++;
      oracle.endTrial(trial.trialId, { status: 'COMPLETED', score: 1 });
    }
    expect(created).toBe(2);
  });

  it('samples children of a conditional scope only when active', () => {
    const oracle = new RandomSearchOracle({ objective: 'loss', maxTrials: 20, seed: 3 });
    const hp = oracle.hyperparameters;
    hp.choice('model', ['mlp', 'cnn']);
    hp.conditionalScope('model', 'cnn', () => hp.int('filters', { minValue: 1, maxValue: 64 }));
    for (let trial = oracle.createTrial(); trial.status === 'RUNNING'; trial = oracle.createTrial()) {
      expect('filters' in trial.values).toBe(trial.values.model === 'cnn');
      oracle.endTrial(trial.trialId, { status: 'COMPLETED', score: 1 });
    }
  });
});

describe('GridSearchOracle', () => {
  it('walks the grid with the last hyperparameter fastest, then stops', () => {
    const oracle = new GridSearchOracle({ objective: 'loss' });
    oracle.hyperparameters.int('layers', { minValue: 1, maxValue: 2 });
    oracle.hyperparameters.choice('act', ['relu', 'tanh', 'elu']);
    const seen = [];
    for (let trial = oracle.createTrial(); trial.status === 'RUNNING'; trial = oracle.createTrial()) {
      seen.push(`${trial.values.layers}${trial.values.act}`);
      oracle.endTrial(trial.trialId, { status: 'COMPLETED', score: 0 });
    }
    expect(seen).toEqual(['1relu', '1tanh', '1elu', '2relu', '2tanh', '2elu']);
  });
});

describe('BayesianOptimizationOracle', () => {
  it('after the random start, proposes points near the best of a smooth objective', () => {
    const oracle = new BayesianOptimizationOracle({ objective: 'loss', maxTrials: 14, seed: 7, numInitialPoints: 4, beta: 0.5 });
    oracle.hyperparameters.float('x', { minValue: 0, maxValue: 1 });
    const scores: number[] = [];
    for (let trial = oracle.createTrial(); trial.status === 'RUNNING'; trial = oracle.createTrial()) {
      const score = ((trial.values.x as number) - 0.3) ** 2;
      scores.push(score);
      oracle.endTrial(trial.trialId, { status: 'COMPLETED', score });
    }
    expect(scores).toHaveLength(14);
    const randomBest = Math.min(...scores.slice(0, 4));
    expect(Math.min(...scores.slice(4))).toBeLessThan(randomBest);
    expect(Math.min(...scores)).toBeLessThan(1e-3);
  });
});
