import { expect, it } from 'vitest';
import { computeFans } from './compute-fans';

it('computes Keras’s fans for scalars, vectors, dense and convolution kernels', () => {
  expect(computeFans([])).toEqual({ fanIn: 1, fanOut: 1 });
  expect(computeFans([10])).toEqual({ fanIn: 10, fanOut: 10 });
  expect(computeFans([784, 128])).toEqual({ fanIn: 784, fanOut: 128 });
  expect(computeFans([5, 16, 32])).toEqual({ fanIn: 80, fanOut: 160 });
  expect(computeFans([3, 3, 32, 64])).toEqual({ fanIn: 288, fanOut: 576 });
  expect(computeFans([2, 3, 3, 4, 8])).toEqual({ fanIn: 72, fanOut: 144 });
});
