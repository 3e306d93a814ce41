import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { randomDropout } from '@dendrite/backend/internal';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';

describeEachBackend('randomDropout', () => {
  it('keeps about 1 − rate of the elements, scaled by 1 / (1 − rate), the same for the same seed', async () => {
    await expectNoLeakedTensors(() => {
      const x = tf.ones([100, 100]);
      const first = randomDropout(x, 0.3, undefined, 7);
      const again = randomDropout(x, 0.3, undefined, 7);
      const other = randomDropout(x, 0.3, undefined, 8);
      const values = first.dataSync();
      const kept = values.filter((value) => value !== 0);
      expect(kept.length / values.length).toBeGreaterThan(0.68);
      expect(kept.length / values.length).toBeLessThan(0.72);
      expect(new Set(kept)).toEqual(new Set([Math.fround(1 / 0.7)]));
      expect(again.dataSync()).toEqual(values);
      expect(other.dataSync()).not.toEqual(values);
      tf.dispose([x, first, again, other]);
    });
  });

  it('broadcasts a noise shape, passes gradients through the kept elements, and rate 0 is the identity', async () => {
    await expectNoLeakedTensors(() => {
      const x = tf.tidy(() => tf.range(1, 25).reshape([2, 3, 4]));
      const y = tf.tidy(() => randomDropout(x, 0.5, [2, 1, 4], 3).arraySync() as number[][][]);
      for (const sample of y) for (const row of sample) expect(row.map((value) => value === 0)).toEqual(sample[0].map((value) => value === 0));
      const gradient = tf.grad((input) => tf.sum(randomDropout(input, 0.5, undefined, 5)))(x);
      const dropped = randomDropout(x, 0.5, undefined, 5);
      expect([...gradient.dataSync()].map((value) => value !== 0)).toEqual([...dropped.dataSync()].map((value) => value !== 0));
      expect(randomDropout(x, 0)).toBe(x);
      tf.dispose([x, gradient, dropped]);
    });
  });

  it('refuses a rate outside [0, 1)', () => {
    expect(() => randomDropout(tf.ones([2]), 1)).toThrow('Expected rate to be in [0, 1) in randomDropout, received 1');
  });
});
