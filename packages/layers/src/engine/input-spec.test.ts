import { describe, expect, it } from 'vitest';
import { assertInputCompatible } from './input-spec';

describe('assertInputCompatible', () => {
  it('accepts shapes that fit, with unknown sizes anywhere', () => {
    expect(() => assertInputCompatible({ ndim: 2, axes: { [-1]: 784 } }, [null, 784], 'dense')).not.toThrow();
    expect(() => assertInputCompatible({ minNdim: 2 }, [3, 4, 5], 'dense')).not.toThrow();
    expect(() => assertInputCompatible({ shape: [null, 28, 28] }, [32, 28, 28], 'x')).not.toThrow();
  });

  it('names the layer, what it expected and what it received', () => {
    expect(() => assertInputCompatible({ ndim: 2 }, [28, 28, 1], 'dense_1')).toThrow(
      'Expected inputShape of rank 2, received [28, 28, 1] in layer "dense_1"',
    );
    expect(() => assertInputCompatible({ minNdim: 4 }, [null, 28], 'conv2d')).toThrow(
      'Expected inputShape of rank ≥ 4, received [null, 28] in layer "conv2d"',
    );
    expect(() => assertInputCompatible({ maxNdim: 3 }, [1, 2, 3, 4], 'x')).toThrow(/rank ≤ 3, received \[1, 2, 3, 4\]/);
    expect(() => assertInputCompatible({ minNdim: 3, maxNdim: 4 }, [4, 4], 'crop')).toThrow('Expected inputShape of rank 3 or 4, received [4, 4] in layer "crop"');
    expect(() => assertInputCompatible({ minNdim: 2, maxNdim: 5 }, [1, 2, 3, 4, 5, 6], 'x')).toThrow('Expected inputShape of rank 2 to 5, received [1, 2, 3, 4, 5, 6] in layer "x"');
    expect(() => assertInputCompatible({ axes: { [-1]: 784 } }, [null, 28], 'dense', 1)).toThrow(
      'Expected axis -1 of the input to have size 784, received shape [null, 28] in layer "dense" (input 1)',
    );
    expect(() => assertInputCompatible({ shape: [null, 28, 28] }, [32, 28, 27], 'x')).toThrow(
      'Expected inputShape [null, 28, 28], received [32, 28, 27] in layer "x"',
    );
  });
});
