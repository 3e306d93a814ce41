import { describe, expect, it } from 'vitest';
import { setSeed, clearSeed } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { trainXor } from './xor';

describeEachBackend('xor', () => {
  it('learns XOR and leaks no tensor', async () => {
    setSeed(3);
    const result = await expectNoLeakedTensors(() => trainXor(300));
    clearSeed();
    expect(result.losses[result.losses.length - 1]).toBeLessThan(result.losses[0]);
    const [p00, p01, p10, p11] = result.predictions;
    expect(p00).toBeLessThan(0.2);
    expect(p01).toBeGreaterThan(0.8);
    expect(p10).toBeGreaterThan(0.8);
    expect(p11).toBeLessThan(0.2);
  });
});

describe('xor reproducibility', () => {
  it('gives the same losses for the same seed', async () => {
    setSeed(9);
    const first = await trainXor(20);
    setSeed(9);
    const second = await trainXor(20);
    clearSeed();
    expect(second.losses).toEqual(first.losses);
  });
});
