import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { makeVariable } from '@dendrite/optimizers/testing';
import { matchStateToVariables } from './optimizer-state';

const OWNER = 'optimizer "test"';

describeEachBackend('matchStateToVariables', () => {
  it("gives each slot the variable's own shape by default", () => {
    const w = makeVariable([1, 2]);
    const slots = [{ variable: w.name, slot: 'momentum', shape: [2], values: new Float32Array(2) }];
    expect(matchStateToVariables({ iterations: 0, slots }, { [w.name]: w }, ['momentum'], OWNER)).toEqual([w]);
    expect(() => matchStateToVariables({ iterations: 0, slots: [{ ...slots[0], shape: [1, 2] }] }, { [w.name]: w }, ['momentum'], OWNER)).toThrow(
      new Error(`Expected shape [2] for slot "momentum" of variable "${w.name}" in ${OWNER}, received [1,2]`),
    );
    w.dispose();
  });

  it('takes 0 iterations and refuses a negative count, naming it', () => {
    expect(matchStateToVariables({ iterations: 0, slots: [] }, {}, [], OWNER)).toEqual([]);
    expect(() => matchStateToVariables({ iterations: -1, slots: [] }, {}, [], OWNER)).toThrow(new RangeError(`Expected state.iterations to be an integer ≥ 0 in ${OWNER}, received -1`));
    expect(() => matchStateToVariables({ iterations: 1.5, slots: [] }, {}, [], OWNER)).toThrow(new RangeError(`Expected state.iterations to be an integer ≥ 0 in ${OWNER}, received 1.5`));
  });
});
