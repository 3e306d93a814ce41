import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';
import { expectGradientMatchesDifferences } from './finite-differences';
import { parseEinsumEquation } from './einsum-gradient';

// tfjs has an Einsum kernel on cpu only.
describe('Einsum gradient [cpu]', () => {
  beforeAll(() => useBackend('cpu'));
  const other = (shape: number[]) => tf.tensor(seededArray(tf.util.sizeFromShape(shape), 23), shape);
  const cases: Array<[string, number[], (x: tf.Tensor) => tf.Tensor]> = [
    ['matrix product, left', [2, 3], (x) => tf.einsum('ij,jk->ik', x, other([3, 4]))],
    ['matrix product, right', [3, 4], (x) => tf.einsum('ij,jk->ik', other([2, 3]), x)],
    ['batched product', [2, 3, 4], (x) => tf.einsum('bij,bjk->bik', x, other([2, 4, 2]))],
    ['outer product', [3], (x) => tf.einsum('i,j->ij', x, other([2]))],
    ['transpose', [2, 3], (x) => tf.einsum('ij->ji', x)],
    // A label one operand sums alone: tfjs-cpu 4.22's forward pass is wrong for two operands
    // (`ij,j->j` gives Σᵢxᵢⱼ, without b), so only the one-operand form is checked.
    ['sum of one axis', [2, 3], (x) => tf.einsum('ij->i', x)],
  ];
  it.each(cases)('%s: matches finite differences, leaking nothing', async (_name, shape, f) => {
    const values = seededArray(tf.util.sizeFromShape(shape), 19);
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, values, shape));
  });

  it('reads the implicit form as numpy does', () => {
    expect(parseEinsumEquation('ij, jk')).toEqual({ operands: ['ij', 'jk'], output: 'ik' });
    expect(parseEinsumEquation('ba,b->a')).toEqual({ operands: ['ba', 'b'], output: 'a' });
  });
});
