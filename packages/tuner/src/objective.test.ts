import { describe, expect, it } from 'vitest';
import { inferDirection, Objective, toObjective } from './objective';

describe('objective', () => {
  it('infers the direction as Keras does', () => {
    expect(inferDirection('val_loss')).toBe('min');
    expect(inferDirection('loss')).toBe('min');
    expect(inferDirection('val_accuracy')).toBe('max');
    expect(inferDirection('acc')).toBe('max');
    expect(inferDirection('val_mae')).toBe('min');
    expect(inferDirection('mean_squared_error')).toBe('min');
    expect(inferDirection('auc')).toBe('max');
    expect(inferDirection('val_custom')).toBeUndefined();
  });

  it('prints as KerasTuner and refuses unknown directions', () => {
    expect(String(toObjective('val_loss'))).toBe('Objective(name="val_loss", direction="min")');
    expect(toObjective(new Objective('score', 'max')).direction).toBe('max');
    expect(() => toObjective('val_custom')).toThrow('Could not infer optimization direction ("min" or "max") for unknown metric "val_custom"');
    expect(() => new Objective('x', 'up' as never)).toThrow(RangeError);
  });
});
