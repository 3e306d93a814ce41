import { afterEach, describe, expect, it, vi } from 'vitest';
import { WarnOnce, improves, monitoredValue } from './monitor';

afterEach(() => vi.restoreAllMocks());

describe('monitor helpers against Keras', () => {
  it('takes |minDelta| in both directions, as Keras’s abs(min_delta)', () => {
    // Keras: min → current < reference − |δ|; max → current > reference + |δ|.
    expect(improves(0.58, 0.6, 'min', -0.05)).toBe(false);
    expect(improves(0.54, 0.6, 'min', -0.05)).toBe(true);
    expect(improves(0.62, 0.6, 'max', -0.05)).toBe(false);
    expect(improves(0.66, 0.6, 'max', 0.05)).toBe(true);
    // A value equal to the reference plus δ is not an improvement (strict comparison).
    expect(improves(0.5, 0.75, 'min', 0.25)).toBe(false);
    expect(improves(1, 0.75, 'max', 0.25)).toBe(false);
  });

  it('warns about a null value as about a missing one, and lists no keys without logs', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const warnings = new WarnOnce();
    expect(monitoredValue({ val_loss: null as never, loss: 1 }, 'val_loss', 'Early stopping', warnings)).toBeUndefined();
    expect(monitoredValue(undefined, 'loss', 'Learning rate reduction is', warnings, '.')).toBeUndefined();
    expect(monitoredValue({ loss: 0 }, 'loss', 'Early stopping', warnings)).toBe(0);
    expect(warn.mock.calls).toEqual([
      ['Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: val_loss,loss'],
      ['Learning rate reduction is conditioned on metric `loss` which is not available. Available metrics are: .'],
    ]);
  });

  it('repeats a warning for each WarnOnce, and each distinct message once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = new WarnOnce();
    first.warn('a');
    first.warn('b');
    first.warn('a');
    new WarnOnce().warn('a');
    expect(warn.mock.calls).toEqual([['a'], ['b'], ['a']]);
  });
});
