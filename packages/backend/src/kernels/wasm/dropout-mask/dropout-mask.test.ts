import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { randomDropout } from '@dendrite/backend/internal';
import { computeOn, expectNoLeakedTensors, useBackend } from '@dendrite/test-utils';
import { dropoutMaskStream, fillDropoutMask, keepThreshold } from '../../shared/dropout-mask';
import { DROPOUT_MASK_MODULE } from './dropout-mask-module';
import { instantiateOn } from '../simd/simd-module';

describe('wasm DendriteDropoutMask', () => {
  it.each([
    [[128, 128], 0.3, 1],
    [[7, 5], 0.5, 99],
    [[3], 0.1, 4],
    [[2, 1, 9], 0.9, 123456],
  ])('draws shape %j at rate %d (seed %d) as the cpu backend does, exactly', async (shape, rate, seed) => {
    const compute = () => randomDropout(tf.ones(shape), rate, undefined, seed);
    const [expected] = await computeOn('cpu', compute);
    await useBackend('wasm');
    const actual = await expectNoLeakedTensors(() => {
      const result = tf.tidy(compute);
      const values = Float32Array.from(result.dataSync());
      result.dispose();
      return values;
    });
    expect(actual).toEqual(expected);
  });

  it('runs the xorshift lanes in SIMD as fillDropoutMask does', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const mask = instantiateOn(memory, DROPOUT_MASK_MODULE)!.mask as (...args: number[]) => void;
    const out = new Float32Array(memory.buffer, 64, 400);
    const { lanes } = dropoutMaskStream(7);
    mask(out.byteOffset, out.byteLength, lanes[0], lanes[1], lanes[2], lanes[3], keepThreshold(0.25) | 0, Math.fround(1 / 0.75));
    const expected = new Float32Array(400);
    fillDropoutMask(expected, 7, 0.25);
    expect(out).toEqual(expected);
    const keptShare = out.filter((value) => value !== 0).length / out.length;
    expect(keptShare).toBeGreaterThan(0.65);
    expect(keptShare).toBeLessThan(0.85);
  });

  it('fills from any index as the whole fill does, the tail alone included', () => {
    const whole = new Float32Array(403);
    fillDropoutMask(whole, 11, 0.3);
    for (const from of [0, 5, 400, 401]) {
      const part = new Float32Array(403);
      fillDropoutMask(part, 11, 0.3, from);
      expect(part.subarray(from)).toEqual(whole.subarray(from));
      expect(part.subarray(0, from).every((value) => value === 0)).toBe(true);
    }
  });

  it('DendriteDropout: x times its mask and the gradient dy times the same mask, as the cpu backend, in one kernel each way', async () => {
    const [shape, rate, seed] = [[33, 7], 0.4, 2024];
    const x = Float32Array.from({ length: 33 * 7 }, (_, index) => Math.sin(index) * 3);
    const dy = Float32Array.from({ length: 33 * 7 }, (_, index) => Math.cos(index * 0.7));
    const compute = () => {
      const { value, grads } = tf.valueAndGrads((input: tf.Tensor) => tf.sum(tf.mul(randomDropout(input, rate, [...shape], seed), tf.tensor(dy, shape))))([tf.tensor(x, shape)]);
      return [randomDropout(tf.tensor(x, shape), rate, undefined, seed), value, grads[0]];
    };
    const expected = await computeOn('cpu', compute);
    await useBackend('wasm');
    const actual = await expectNoLeakedTensors(() => {
      const result = tf.tidy(compute);
      const values = result.map((tensor) => Float32Array.from(tensor.dataSync()));
      tf.dispose(result);
      return values;
    });
    expect(actual[0]).toEqual(expected[0]);
    expect(actual[2]).toEqual(expected[2]);
    expect(actual[1][0]).toBeCloseTo(expected[1][0], 3);
    const input = tf.tensor(x, shape);
    const info = await tf.profile(() => tf.tidy(() => {
      tf.grad((value: tf.Tensor) => tf.sum(randomDropout(value, rate, undefined, seed)))(input);
    }));
    const names = info.kernels.map((kernel) => kernel.name);
    expect(names.filter((name) => name === 'DendriteDropout')).toHaveLength(2);
    expect(names).not.toContain('DendriteDropoutMask');
    input.dispose();
  });
});
