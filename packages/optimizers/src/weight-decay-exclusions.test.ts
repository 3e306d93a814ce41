import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { makeVariable } from '@dendrite/optimizers/testing';
import { WeightDecayExclusions } from './weight-decay-exclusions';

describeEachBackend('WeightDecayExclusions', () => {
  it('excludes nothing when given no names and no variables', () => {
    const w = makeVariable([1], 'dense/kernel_wde');
    const exclusions = new WeightDecayExclusions();
    for (const args of [{}, { variableNames: [] }, { variables: [] }]) {
      exclusions.set(args);
      expect(exclusions.excludes(w), JSON.stringify(args)).toBe(false);
    }
    w.dispose();
  });

  it('excludes a variable whose name contains any one of the names', () => {
    const bias = makeVariable([1], 'dense/bias_wde');
    const gamma = makeVariable([1], 'norm/gamma_wde');
    const kernel = makeVariable([1], 'dense/kernel_wde2');
    const exclusions = new WeightDecayExclusions();
    exclusions.set({ variableNames: ['bias', 'gamma'] });
    expect([bias, gamma, kernel].map((v) => exclusions.excludes(v))).toEqual([true, true, false]);
    tf.dispose([bias, gamma, kernel]);
  });

  it('takes names literally, regular-expression characters included', () => {
    const w = makeVariable([1], 'block(1).scale_wde');
    const near = makeVariable([1], 'block1xscale_wde');
    const exclusions = new WeightDecayExclusions();
    exclusions.set({ variableNames: ['(1).scale'] });
    expect(exclusions.excludes(w)).toBe(true);
    // `.` matches itself only, and the parentheses are not a group.
    exclusions.set({ variableNames: ['1.scale'] });
    expect(exclusions.excludes(near)).toBe(false);
    tf.dispose([w, near]);
  });

  it('replaces earlier exclusions on each call', () => {
    const w = makeVariable([1], 'dense/bias_wde2');
    const exclusions = new WeightDecayExclusions();
    exclusions.set({ variables: [w] });
    expect(exclusions.excludes(w)).toBe(true);
    exclusions.set({ variableNames: ['kernel'] });
    expect(exclusions.excludes(w)).toBe(false);
    w.dispose();
  });
});
