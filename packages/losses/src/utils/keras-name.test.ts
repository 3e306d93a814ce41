import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { withKerasName } from './keras-name';

describeEachBackend('withKerasName', () => {
  it('renames the function itself, so every alias carries the Keras name', () => {
    const fn = withKerasName(function meanCube(x: number) {
      return x ** 3;
    }, 'mean_cube');
    const alias = fn;
    expect(alias.name).toBe('mean_cube');
    expect(fn(2)).toBe(8);
  });
});
