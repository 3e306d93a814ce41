import { describe, expect, it } from 'vitest';
import { createRandom } from '@dendrite/backend';
import { resolveOptions } from './generator-options';
import { drawTransform } from './random-transform';

const DRAWS = 10_000;
// Binomial(10 000, ½): standard deviation 50; 5 of them (250) bound a fair coin's count with
// probability 1 − 6e-7, and exclude any rate outside [0.475, 0.525].
const BOUND = 250;

describe('drawTransform flips', () => {
  it('flips horizontally and vertically with probability ½ each, independently (Keras: np.random.random() < 0.5)', () => {
    const options = resolveOptions({ horizontalFlip: true, verticalFlip: true });
    const draw = createRandom(2024);
    let horizontal = 0;
    let vertical = 0;
    let both = 0;
    for (let i = 0; i < DRAWS; i++) {
      const { flipHorizontal, flipVertical } = drawTransform(options, 8, 8, draw);
      horizontal += Number(flipHorizontal);
      vertical += Number(flipVertical);
      both += Number(flipHorizontal && flipVertical);
    }
    expect(Math.abs(horizontal - DRAWS / 2), `horizontal flips: ${horizontal} of ${DRAWS}`).toBeLessThan(BOUND);
    expect(Math.abs(vertical - DRAWS / 2), `vertical flips: ${vertical} of ${DRAWS}`).toBeLessThan(BOUND);
    // Binomial(10 000, ¼): standard deviation ≈ 43.
    expect(Math.abs(both - DRAWS / 4), `both flips: ${both} of ${DRAWS}`).toBeLessThan(5 * 43.3);
  });

  it('never flips when the options leave flips off', () => {
    const options = resolveOptions({ rotationRange: 10 });
    const draw = createRandom(7);
    for (let i = 0; i < 1000; i++) expect(drawTransform(options, 8, 8, draw)).toMatchObject({ flipHorizontal: false, flipVertical: false });
  });
});
