import { describe, expect, it } from 'vitest';
import * as callbacks from './index';
import { Callback } from './callback';

/**
 * Every exported callback, by class and by factory, each given a key no callback reads beside
 * what it needs; `'bogus'` is far from every real key, so the message lists the keys expected.
 */
const SWEEP: Record<string, Array<(bogus: Record<string, unknown>) => unknown>> = {
  EarlyStopping: [(bogus) => new callbacks.EarlyStopping(bogus), (bogus) => callbacks.earlyStopping(bogus)],
  ModelCheckpoint: [
    (bogus) => new callbacks.ModelCheckpoint('m.dndr', bogus),
    (bogus) => callbacks.modelCheckpoint({ filepath: 'm.dndr', ...bogus }),
  ],
  ReduceLROnPlateau: [(bogus) => new callbacks.ReduceLROnPlateau(bogus), (bogus) => callbacks.reduceLROnPlateau(bogus)],
  LearningRateScheduler: [
    (bogus) => new callbacks.LearningRateScheduler((_, rate) => rate, bogus),
    (bogus) => callbacks.learningRateScheduler({ schedule: (_, rate) => rate, ...bogus }),
  ],
  CSVLogger: [(bogus) => new callbacks.CSVLogger('log.csv', bogus), (bogus) => callbacks.csvLogger({ filename: 'log.csv', ...bogus })],
  TerminateOnNaN: [(bogus) => new callbacks.TerminateOnNaN(bogus), (bogus) => callbacks.terminateOnNaN(bogus)],
  LambdaCallback: [(bogus) => new callbacks.LambdaCallback(bogus), (bogus) => callbacks.lambdaCallback(bogus)],
  BackupAndRestore: [(bogus) => new callbacks.BackupAndRestore('backup', bogus), (bogus) => callbacks.backupAndRestore({ backupDir: 'backup', ...bogus })],
  TensorBoard: [(bogus) => new callbacks.TensorBoard('logs', bogus), (bogus) => callbacks.tensorBoard({ ...bogus })],
  ProgbarLogger: [(bogus) => new callbacks.ProgbarLogger(bogus), (bogus) => callbacks.progbarLogger(bogus)],
};

/** Callbacks Keras builds without arguments: nothing to check. */
const WITHOUT_OPTIONS = new Set(['History']);

describe('every callback refuses an unknown option', () => {
  it('covers every exported callback class', () => {
    const exported = Object.entries(callbacks)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Callback)
      .map(([name]) => name)
      .filter((name) => !WITHOUT_OPTIONS.has(name));
    expect(exported.sort()).toEqual(Object.keys(SWEEP).sort());
  });

  for (const [name, makers] of Object.entries(SWEEP)) {
    it(`${name}, as a class and a factory`, () => {
      for (const make of makers) {
        expect(() => make({ bogus: 1 })).toThrow(TypeError);
        expect(() => make({ bogus: 1 })).toThrow(new RegExp(`^Unknown option "bogus" in ${name}; expected one of `));
      }
    });
  }

  it('names the spelling meant: a typo, Keras’s snake_case', () => {
    expect(() => callbacks.earlyStopping({ patients: 2 } as never)).toThrow('Unknown option "patients" in EarlyStopping: did you mean "patience"?');
    expect(() => callbacks.earlyStopping({ restore_best_weights: true } as never)).toThrow('Unknown option "restore_best_weights" in EarlyStopping: did you mean "restoreBestWeights"?');
    expect(() => callbacks.modelCheckpoint('m.keras', { save_best_only: true } as never)).toThrow('did you mean "saveBestOnly"?');
    expect(() => callbacks.reduceLROnPlateau({ min_lr: 1e-5 } as never)).toThrow('Unknown option "min_lr" in ReduceLROnPlateau: did you mean "minLr"?');
    expect(() => callbacks.reduceLROnPlateau({ epsilon: 1e-4 } as never)).toThrow('Unknown option "epsilon" in ReduceLROnPlateau');
    expect(() => callbacks.tensorBoard({ log_dir: 'logs' } as never)).toThrow('did you mean "logDir"?');
    expect(() => callbacks.backupAndRestore({ backup_dir: 'b' } as never)).toThrow('did you mean "backupDir"?');
    expect(() => callbacks.lambdaCallback({ on_epoch_end: () => {} } as never)).toThrow('Unknown option "on_epoch_end" in LambdaCallback: did you mean "onEpochEnd"?');
  });

  it('leaves a user’s subclass free to take its own options', () => {
    class PatientStopping extends callbacks.EarlyStopping {
      constructor(readonly settings: { label: string; patience: number }) {
        super(settings as never);
      }
    }
    expect(new PatientStopping({ label: 'mine', patience: 3 }).patience).toBe(3);
  });

  it('refuses a bare value where Keras’s first argument is not a path', () => {
    expect(() => callbacks.earlyStopping('val_loss' as never)).toThrow('Expected the options of EarlyStopping to be an object, received "val_loss"');
    expect(() => callbacks.reduceLROnPlateau(0.5 as never)).toThrow('Expected the options of ReduceLROnPlateau to be an object, received 0.5');
  });
});
