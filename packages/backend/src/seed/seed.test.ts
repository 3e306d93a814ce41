import { afterEach, describe, expect, it } from 'vitest';
import { clearSeed, createRandom, getRandomState, getSeed, nextSeed, random, setRandomState, setSeed } from './seed';
import { tf } from '../tf/index';
import '@tensorflow/tfjs-backend-cpu';

afterEach(() => clearSeed());

describe('setSeed', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    setSeed(42);
    const first = [random(), random(), nextSeed(), random()];
    setSeed(42);
    expect([random(), random(), nextSeed(), random()]).toEqual(first);
    setSeed(43);
    expect(random()).not.toBe(first[0]);
    expect(getSeed()).toBe(43);
  });

  it('draws uniformly in [0, 1)', () => {
    setSeed(7);
    const draws = Array.from({ length: 20000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it('makes tfjs random ops and dropout masks repeatable through nextSeed', async () => {
    await tf.setBackend('cpu');
    const draw = () =>
      tf.tidy(() => [
        tf.randomNormal([4, 3], 0, 1, 'float32', nextSeed()).arraySync(),
        tf.dropout(tf.ones([8]), 0.5, undefined, nextSeed()).arraySync(),
      ]);
    setSeed(1);
    const a = draw();
    setSeed(1);
    expect(draw()).toEqual(a);
  });

  it('gives an independent generator for an explicit seed', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    expect([a(), a()]).toEqual([b(), b()]);
  });

  it('rejects a seed that is not a 32-bit unsigned integer, naming it', () => {
    expect(() => setSeed(-1)).toThrow('Expected seed to be an integer in [0, 4294967295], received -1');
    expect(() => setSeed(1.5)).toThrow(/received 1.5/);
    expect(() => createRandom(Number.NaN)).toThrow(/received NaN/);
  });

  it('has no seed before one is set, so nextSeed leaves tfjs free', () => {
    expect(getSeed()).toBeUndefined();
    expect(nextSeed()).toBeUndefined();
  });

  it('saves and restores the stream with getRandomState / setRandomState (a JSON round trip)', () => {
    setSeed(11);
    random();
    const saved = JSON.parse(JSON.stringify(getRandomState()));
    const next = [random(), random(), nextSeed()];
    setSeed(99);
    random();
    setRandomState(saved);
    expect([random(), random(), nextSeed()]).toEqual(next);
    expect(getSeed()).toBe(11);
    expect(() => setRandomState({ seeded: true, seed: null, state: 1.5 })).toThrow(new TypeError('Expected a random state {seeded, seed, state} from getRandomState, received {"seeded":true,"seed":null,"state":1.5}'));
    clearSeed();
  });
});
