import { expect, it } from 'vitest';
import { AUC } from './auc';

it('AUC’s thresholds run from −ε to 1 + ε, and its curve and method are read in any case', () => {
  const auc = new AUC({ numThresholds: 5, curve: 'Pr' as never, summationMethod: 'Majoring' as never });
  expect(auc.thresholds).toEqual([-1e-7, 0.25, 0.5, 0.75, 1 + 1e-7]);
  expect([auc.curve, auc.summationMethod, auc.fromLogits]).toEqual(['PR', 'majoring', false]);
  expect(auc.getConfig()).toEqual({ name: 'auc', num_thresholds: 5, curve: 'PR', summation_method: 'majoring', from_logits: false });
  auc.dispose();
  const byDefault = new AUC();
  expect([byDefault.numThresholds, byDefault.curve, byDefault.summationMethod, byDefault.thresholds.length]).toEqual([200, 'ROC', 'interpolation', 200]);
  byDefault.dispose();
  expect(() => new AUC({ curve: 3 as never })).toThrow(new Error('Expected curve to be ROC or PR, received 3 in metric "auc"'));
  expect(() => new AUC({ summationMethod: 3 as never })).toThrow(new Error('Expected summationMethod to be interpolation, minoring or majoring, received 3 in metric "auc"'));
});
