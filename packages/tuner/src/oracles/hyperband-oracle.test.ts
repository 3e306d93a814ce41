import { describe, expect, it } from 'vitest';
import { HyperbandOracle } from './hyperband-oracle';

function oracle(maxEpochs: number, factor = 3): HyperbandOracle {
  const created = new HyperbandOracle({ objective: 'val_loss', maxEpochs, factor, seed: 1 });
  created.hyperparameters.int('units', { minValue: 0, maxValue: 100000 });
  return created;
}

describe('HyperbandOracle', () => {
  it('brackets, sizes and epochs as KerasTuner computes them (maxEpochs 10, factor 3, by hand)', () => {
    const hyperband = oracle(10);
    // 10 → 3.33 → 1.11 → 0.37: three brackets; bracket 0 ends with ceil(1 + log₃ 10) = 4 models.
    expect(hyperband.bracketCount()).toBe(3);
    expect([0, 1, 2].map((round) => hyperband.size(2, round))).toEqual([12, 4, 2]);
    expect([0, 1, 2].map((round) => hyperband.epochs(2, round))).toEqual([2, 4, 10]);
    expect([0, 1].map((round) => hyperband.size(1, round))).toEqual([6, 2]);
    expect([0, 1].map((round) => hyperband.epochs(1, round))).toEqual([4, 10]);
    expect(hyperband.size(0, 0)).toBe(4);
    expect(hyperband.epochs(0, 0)).toBe(10);
    // maxEpochs 100, factor 3: five brackets, the most aggressive starting 81 models at 2 epochs.
    const large = oracle(100);
    expect(large.bracketCount()).toBe(5);
    expect(large.size(4, 0)).toBe(Math.ceil((Math.ceil(1 + Math.log(100) / Math.log(3)) / 5) * 81));
    expect(large.epochs(4, 0)).toBe(2);
  });

  it('runs every bracket to the end, promoting the best of each round with its trial id', () => {
    const hyperband = oracle(10);
    const rounds: string[] = [];
    for (let step = 0; step < 100; step++) {
      const trial = hyperband.createTrial();
      if (trial.status === 'STOPPED') break;
      expect(trial.status).toBe('RUNNING');
      const values = trial.values;
      rounds.push(`${values['tuner/bracket']}/${values['tuner/round']}@${values['tuner/epochs']}`);
      if (values['tuner/trial_id'] !== undefined) {
        // The promoted trial is the best (lowest units here) of the previous round not yet promoted.
        const previous = hyperband.trials.get(values['tuner/trial_id'] as string)!;
        expect(previous.values.units).toBe(values.units);
        expect(values['tuner/initial_epoch']).toBe(previous.values['tuner/epochs']);
      }
      hyperband.endTrial(trial.trialId, { status: 'COMPLETED', score: values.units as number });
    }
    const count = (label: string) => rounds.filter((entry) => entry === label).length;
    expect([count('2/0@2'), count('2/1@4'), count('2/2@10')]).toEqual([12, 4, 2]);
    expect([count('1/0@4'), count('1/1@10')]).toEqual([6, 2]);
    expect(count('0/0@10')).toBe(4);
    expect(rounds).toHaveLength(30);
    // Round 1 of bracket 2 takes the four best of its twelve.
    const roundZero = [...hyperband.trials.values()].slice(0, 12).map((trial) => trial.values.units as number).sort((a, b) => a - b);
    const promoted = [...hyperband.trials.values()].slice(12, 16).map((trial) => trial.values.units);
    expect(promoted).toEqual(roundZero.slice(0, 4));
  });

  it('saves and restores its brackets', () => {
    const first = oracle(10);
    for (let i = 0; i < 13; i++) {
      const trial = first.createTrial();
      first.endTrial(trial.trialId, { status: 'COMPLETED', score: trial.values.units as number });
    }
    const second = oracle(10);
    second.setState(JSON.parse(JSON.stringify(first.getState())));
    expect(second.createTrial().values).toEqual(first.createTrial().values);
  });

  it('refuses a factor below 2', () => {
    expect(() => new HyperbandOracle({ objective: 'loss', maxEpochs: 10, factor: 1 })).toThrow(RangeError);
  });
});
