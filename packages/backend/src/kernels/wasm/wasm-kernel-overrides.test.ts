import { describe, expect, it } from 'vitest';
import { columnSumOverride } from './column-sum/column-sum';
import { assertStock } from './wasm-kernel-overrides';

describe('assertStock', () => {
  it('passes a stock kernel through and names a missing one', () => {
    const stock = () => ({ dataId: {}, shape: [], dtype: 'float32' as const });
    expect(() => assertStock(stock, 'Sum')).not.toThrow();
    expect(() => assertStock(undefined, 'Sum')).toThrow('Expected a stock wasm kernel "Sum" to wrap, received none');
    expect(() => columnSumOverride.makeKernel(undefined)).toThrow('Expected a stock wasm kernel "Sum" to wrap, received none');
  });
});
