import { afterEach, expect, it } from 'vitest';
import { clearSeed, getSeed, random, setSeed, tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { dense } from '../core/dense';
import { resetUniqueNames } from './unique-names';
import { clearSession } from './clear-session';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

describeEachBackend('clearSession', () => {
  it('restarts default layer names, as Keras', () => {
    const before = [dense({ units: 1 }), dense({ units: 1 }), dense({ units: 1, name: 'dense_7' })];
    expect(dense({ units: 1 }).name).toBe('dense_8');
    clearSession();
    expect(dense({ units: 1 }).name).toBe('dense');
    expect(dense({ units: 1 }).name).toBe('dense_1');
    expect(before.map((layer) => layer.name)).toEqual(['dense', 'dense_1', 'dense_7']);
  });

  it('gives the seeded stream a new generator drawn from the old: reproducible, each session different', () => {
    const run = () => {
      setSeed(42);
      const firstSession = [random(), random()];
      clearSession();
      const secondSession = [random(), random()];
      clearSession();
      const third = dense({ units: 2, kernelInitializer: 'glorotUniform' });
      third.build([null, 2]);
      const weights = Array.from(third.getWeights()[0].dataSync());
      tf.dispose(third.getWeights());
      third.dispose();
      return { firstSession, secondSession, weights, seed: getSeed() };
    };
    const [a, b] = [run(), run()];
    expect(b).toEqual(a);
    expect(a.secondSession).not.toEqual(a.firstSession);
    expect(a.seed).not.toBe(42);
  });

  it('leaves an unseeded stream unseeded', () => {
    clearSession();
    expect(getSeed()).toBeUndefined();
  });
});
