import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { makeVariable, stepWith } from '@dendrite/optimizers/testing';
import { sgd } from './sgd';

describeEachBackend('weight decay', () => {
  // With decay d, w ← w − d·η·w before the update; without it nothing is subtracted at all: an
  // infinite weight stays infinite (∞ − 0·∞ would be NaN).
  it('leaves the weights alone when there is none, an infinite weight included', () => {
    const w = makeVariable([Infinity, 1]);
    const optimizer = sgd({ learningRate: 0.1 });
    stepWith(optimizer, w, [1, 1]);
    const [first, second] = Array.from(w.dataSync());
    expect(first).toBe(Infinity);
    expect(second).toBeCloseTo(0.9, 6);
    optimizer.dispose();
    w.dispose();
  });

  it('decays an infinite weight to NaN when there is some, as w − d·η·w does', () => {
    const w = makeVariable([Infinity, 1]);
    const optimizer = sgd({ learningRate: 0.1, weightDecay: 0.5 });
    stepWith(optimizer, w, [1, 1]);
    const [first, second] = Array.from(w.dataSync());
    expect(first).toBeNaN();
    // 1 − 0.5·0.1·1 = 0.95, then − 0.1·1.
    expect(second).toBeCloseTo(0.85, 6);
    optimizer.dispose();
    w.dispose();
  });
});
