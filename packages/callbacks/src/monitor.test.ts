import { afterEach, describe, expect, it, vi } from 'vitest';
import { WarnOnce, improves, monitoredValue, resolveMode } from './monitor';

afterEach(() => vi.restoreAllMocks());

describe('monitor helpers', () => {
  it('resolves auto to max for accuracy-like names and min otherwise', () => {
    for (const name of ['val_accuracy', 'acc', 'val_auc', 'precision', 'val_recall', 'f1_score', 'val_iou', 'r2_score']) {
      expect(resolveMode(name, 'auto', 'X'), name).toBe('max');
    }
    for (const name of ['val_loss', 'loss', 'mae', 'val_mse', 'categorical_crossentropy']) expect(resolveMode(name, 'auto', 'X'), name).toBe('min');
    expect(resolveMode('val_loss', 'max', 'X')).toBe('max');
    expect(() => resolveMode('loss', 'up' as never, 'EarlyStopping')).toThrow(`Expected mode to be 'auto', 'min' or 'max' in EarlyStopping, received "up"`);
  });

  it('compares as Keras’s _is_improvement, minDelta included', () => {
    expect(improves(0.5, null, 'min', 0)).toBe(true);
    expect(improves(0.5, 0.6, 'min', 0.05)).toBe(true);
    expect(improves(0.56, 0.6, 'min', 0.05)).toBe(false);
    expect(improves(0.6, 0.6, 'min', 0)).toBe(false);
    expect(improves(0.7, 0.6, 'max', -0.05)).toBe(true);
    expect(improves(0.64, 0.6, 'max', 0.05)).toBe(false);
  });

  it('warns once per message about a missing value, listing the keys', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const warnings = new WarnOnce();
    expect(monitoredValue({ loss: 1, accuracy: 0.5 }, 'val_loss', 'Early stopping', warnings)).toBeUndefined();
    expect(monitoredValue({ loss: 1, accuracy: 0.5 }, 'val_loss', 'Early stopping', warnings)).toBeUndefined();
    expect(monitoredValue({ val_loss: 0.25 }, 'val_loss', 'Early stopping', warnings)).toBe(0.25);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss,accuracy');
  });
});
