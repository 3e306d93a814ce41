import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { EPS32, sum } from '../testing/read';
import { KLDivergence, kld, klDivergence, kullbackLeiblerDivergence } from './kl-divergence';

describeEachBackend('kullbackLeiblerDivergence', () => {
  it('equals Σ y·log(y/ŷ) with both clipped to [ε, 1], zeros included', async () => {
    const yTrue = [[0.5, 0.5], [0, 1], [1, 0], [0.2, 0.8]];
    const yPred = [[0.25, 0.75], [0.5, 0.5], [0, 1], [0.2, 0.8]];
    const clip = (x: number) => Math.min(Math.max(x, EPS32), 1);
    const expected = yTrue.map((row, i) => sum(row.map((y, j) => clip(y) * Math.log(clip(y) / clip(yPred[i][j])))));
    await runLossTest({ makeLoss: (args) => new KLDivergence(args), lossFunction: kullbackLeiblerDivergence, yTrue, yPred, expected, tolerance: 1e-4 });
    expect(kld).toBe(kullbackLeiblerDivergence);
    expect(klDivergence.name).toBe('kl_divergence');
  });
});
