import { describe, expect, it } from 'vitest';
import { RandomSearchOracle } from './oracles/random-search-oracle';
import { formatResultsSummary, formatTrialSummary, pythonValue } from './results-summary';
import { trialId } from './trial';

describe('results summary', () => {
  it('prints values as Python does', () => {
    expect([pythonValue(true), pythonValue(64), pythonValue(0.001), pythonValue(1e-5), pythonValue('relu')]).toEqual(['True', '64', '0.001', '1e-05', 'relu']);
  });

  it('pads trial ids to the digits of maxTrials, as KerasTuner', () => {
    expect([trialId(3, 10), trialId(3, 9), trialId(12, 100)]).toEqual(['03', '3', '012']);
  });

  it("prints KerasTuner's results_summary, best first", () => {
    const oracle = new RandomSearchOracle({ objective: 'val_accuracy', maxTrials: 10, seed: 1 });
    oracle.hyperparameters.choice('units', [32, 64]);
    const first = oracle.createTrial();
    const second = oracle.createTrial();
    oracle.endTrial(first.trialId, { status: 'COMPLETED', score: 0.5 });
    oracle.endTrial(second.trialId, { status: 'COMPLETED', score: 1 });
    expect(formatTrialSummary(oracle.trials.get('01')!)).toBe(`Trial 01 summary\nHyperparameters:\nunits: ${second.values.units}\nScore: 1.0`);
    expect(formatResultsSummary(oracle, 'tuning/housing', 10)).toBe(
      [
        'Results summary',
        'Results in tuning/housing',
        'Showing 10 best trials',
        'Objective(name="val_accuracy", direction="max")',
        '',
        `Trial 01 summary\nHyperparameters:\nunits: ${second.values.units}\nScore: 1.0`,
        '',
        `Trial 00 summary\nHyperparameters:\nunits: ${first.values.units}\nScore: 0.5`,
      ].join('\n'),
    );
  });
});
