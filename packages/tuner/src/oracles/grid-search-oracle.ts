import { gridValues, type HyperParameterValue } from '../hyperparameters/hyperparameter';
import { HyperParameters } from '../hyperparameters/hyperparameters';
import { Oracle, valuesKey, type OracleState, type Population } from './oracle';

/**
 * KerasTuner's `GridSearchOracle`: every combination in order, the last declared hyperparameter
 * changing fastest; inactive (conditional) ones are left out and a combination is tried once.
 */
export class GridSearchOracle extends Oracle {
  /** The index of the next combination in the product of every grid. */
  private position = 0;

  get kind(): string {
    return 'GridSearch';
  }

  protected populateSpace(): Population {
    const grids = this.hyperparameters.space.map((definition) => gridValues(definition));
    const total = grids.reduce((product, grid) => product * grid.length, 1);
    while (this.position < total) {
      let rest = this.position++;
      const picked: HyperParameterValue[] = new Array(grids.length);
      for (let index = grids.length - 1; index >= 0; index--) {
        picked[index] = grids[index][rest % grids[index].length];
        rest = Math.floor(rest / grids[index].length);
      }
      const hp = new HyperParameters();
      hp.merge(this.hyperparameters.space);
      this.hyperparameters.space.forEach((definition, index) => (hp.values[definition.name] = picked[index]));
      const values = hp.activeValues();
      const key = valuesKey(values);
      if (this.triedSoFar.has(key)) continue;
      this.triedSoFar.add(key);
      return { status: 'RUNNING', values };
    }
    return { status: this.ongoingTrials.length > 0 ? 'IDLE' : 'STOPPED' };
  }

  override getState(): OracleState {
    return { ...super.getState(), extra: { position: this.position } };
  }

  override setState(state: OracleState): void {
    super.setState(state);
    this.position = (state.extra as { position: number }).position;
  }
}
