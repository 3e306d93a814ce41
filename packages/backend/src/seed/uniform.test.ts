import { afterEach, describe, expect, it } from 'vitest';
import { clearSeed, createRandom, setSeed } from './seed';
import { uniform, uniformDraws } from './uniform';

afterEach(() => clearSeed());

describe('uniform and uniformDraws', () => {
  it('scale draws of the seeded stream to [low, high)', () => {
    const draw = createRandom(5);
    const raw = createRandom(5);
    for (let i = 0; i < 20; i++) expect(uniform(draw, -2, 3)).toBe(-2 + 5 * raw());
    const values = uniformDraws(100, [10, 11], 1);
    expect(values.every((v) => v >= 10 && v < 11)).toBe(true);
  });

  it('repeat for a seed and follow the global stream without one', () => {
    expect(uniformDraws(4, [0, 1], 3)).toEqual(uniformDraws(4, [0, 1], 3));
    expect(uniformDraws(4, [0, 1], 3)).not.toEqual(uniformDraws(4, [0, 1], 4));
    setSeed(8);
    const first = uniformDraws(3, [0, 1]);
    setSeed(8);
    expect(uniformDraws(3, [0, 1])).toEqual(first);
    expect(() => uniformDraws(1, [0, 1], -1)).toThrow('Expected seed to be an integer in [0, 4294967295], received -1');
  });
});
