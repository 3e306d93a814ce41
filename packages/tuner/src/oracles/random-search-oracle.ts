import { Oracle, type Population } from './oracle';

/** KerasTuner's `RandomSearchOracle`: each trial samples every active hyperparameter at random. */
export class RandomSearchOracle extends Oracle {
  get kind(): string {
    return 'RandomSearch';
  }

  protected populateSpace(): Population {
    const values = this.randomValues();
    if (values !== undefined) return { status: 'RUNNING', values };
    return { status: this.ongoingTrials.length > 0 ? 'IDLE' : 'STOPPED' };
  }
}
