import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { getInitializer, serializeInitializer } from './get-initializer';
import { computeFans } from './initializer';
import * as init from './factories';

afterEach(() => clearSeed());

function stats(values: ArrayLike<number>) {
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    squares += values[i] * values[i];
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  const mean = sum / values.length;
  return { mean, variance: squares / values.length - mean * mean, min, max };
}

function draw(name: string, shape: number[]) {
  const tensor = getInitializer(name).call(shape);
  const values = tensor.dataSync().slice();
  tensor.dispose();
  return stats(values);
}

describeEachBackend('initializers', () => {
  const shape = [400, 300];
  const { fanIn, fanOut } = computeFans(shape);

  it('glorot_uniform: uniform within √(6 / (fanIn + fanOut)), variance 2 / (fanIn + fanOut)', () => {
    const s = draw('glorot_uniform', shape);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    expect(s.min).toBeGreaterThanOrEqual(-limit);
    expect(s.max).toBeLessThanOrEqual(limit);
    expect(s.variance).toBeCloseTo(2 / (fanIn + fanOut), 4);
    expect(Math.abs(s.mean)).toBeLessThan(0.002);
  });

  it.each([
    ['he_normal', 2 / 400],
    ['glorot_normal', 2 / 700],
    ['lecun_normal', 1 / 400],
    ['he_uniform', 2 / 400],
    ['lecun_uniform', 1 / 400],
  ] as const)('%s has variance scale / fan', (name, variance) => {
    const s = draw(name, shape);
    expect(s.variance / variance).toBeGreaterThan(0.95);
    expect(s.variance / variance).toBeLessThan(1.05);
  });

  it('truncated normals stay within two standard deviations', () => {
    const s = draw('truncated_normal', [200, 200]);
    expect(s.max).toBeLessThanOrEqual(0.1);
    expect(s.min).toBeGreaterThanOrEqual(-0.1);
    const he = draw('he_normal', shape);
    const untruncatedStddev = Math.sqrt(2 / 400) / 0.87962566103423978;
    expect(he.max).toBeLessThanOrEqual(2 * untruncatedStddev + 1e-6);
  });

  it('random_uniform defaults to ±0.05 and random_normal to σ 0.05', () => {
    const uniform = draw('random_uniform', [200, 200]);
    expect(uniform.min).toBeGreaterThanOrEqual(-0.05);
    expect(uniform.max).toBeLessThanOrEqual(0.05);
    expect(uniform.variance / (0.1 ** 2 / 12)).toBeGreaterThan(0.97);
    expect(uniform.variance / (0.1 ** 2 / 12)).toBeLessThan(1.03);
    expect(Math.sqrt(draw('random_normal', [200, 200]).variance)).toBeCloseTo(0.05, 3);
  });

  it('orthogonal gives WᵀW = gain²·I, for tall and wide shapes, and conv kernels', async () => {
    for (const [rows, cols] of [[30, 20], [20, 30]]) {
      await expectNoLeakedTensors(() => {
        const w = init.orthogonal({ gain: 2 }).call([rows, cols]);
        const product = tf.tidy(() => (rows >= cols ? tf.matMul(w, w, true, false) : tf.matMul(w, w, false, true)));
        const n = Math.min(rows, cols);
        const expected = tf.tidy(() => tf.mul(tf.eye(n), 4));
        expectArraysClose(product, expected, 1e-4);
        tf.dispose([w, product, expected]);
      });
    }
    const kernel = init.orthogonal().call([3, 3, 4, 8]);
    expect(kernel.shape).toEqual([3, 3, 4, 8]);
    kernel.dispose();
  });

  it('constant, zeros, ones and identity are exact', () => {
    const cases: Array<[tf.Tensor, number[]]> = [
      [init.constant({ value: 3.5 }).call([2, 2]), [3.5, 3.5, 3.5, 3.5]],
      [init.zeros().call([3]), [0, 0, 0]],
      [init.ones().call([2]), [1, 1]],
      [init.identity({ gain: 2 }).call([2, 3]), [2, 0, 0, 0, 2, 0]],
    ];
    for (const [tensor, expected] of cases) {
      expectArraysClose(tensor, expected, 0);
      tensor.dispose();
    }
  });

  it('repeats a seeded draw, and setSeed makes unseeded draws reproducible', () => {
    const a = init.glorotUniform({ seed: 3 }).call([5, 5]);
    const b = init.glorotUniform({ seed: 3 }).call([5, 5]);
    expectArraysClose(a, b.dataSync(), 0);
    setSeed(10);
    const c = init.heNormal().call([5, 5]);
    setSeed(10);
    const d = init.heNormal().call([5, 5]);
    expectArraysClose(c, d.dataSync(), 0);
    tf.dispose([a, b, c, d]);
  });
});

it('computes Keras’s fans for dense and convolution kernels', () => {
  expect(computeFans([784, 128])).toEqual({ fanIn: 784, fanOut: 128 });
  expect(computeFans([3, 3, 32, 64])).toEqual({ fanIn: 288, fanOut: 576 });
  expect(computeFans([10])).toEqual({ fanIn: 10, fanOut: 10 });
});

it('resolves names in every spelling, configs and instances, and round-trips configs', () => {
  for (const name of ['glorot_uniform', 'glorotUniform', 'GlorotUniform']) expect(getInitializer(name).className).toBe('GlorotUniform');
  expect(getInitializer('uniform').className).toBe('RandomUniform');
  const normal = getInitializer({ class_name: 'RandomNormal', config: { mean: 1, stddev: 0.5, seed: 4 } });
  expect(serializeInitializer(normal)).toEqual({ class_name: 'RandomNormal', config: { mean: 1, stddev: 0.5, seed: 4 } });
  const scaling = init.varianceScaling({ scale: 2, mode: 'fan_out', distribution: 'uniform' });
  expect(serializeInitializer(getInitializer(serializeInitializer(scaling)))).toEqual(serializeInitializer(scaling));
  expect(getInitializer(scaling)).toBe(scaling);
});

it('rejects bad arguments, naming them', () => {
  expect(() => init.randomNormal({ stddev: -1 })).toThrow('Expected stddev to be a finite number ≥ 0, received -1 in initializer RandomNormal');
  expect(() => init.randomUniform({ minval: 1, maxval: 0 })).toThrow('Expected minval ≤ maxval in initializer RandomUniform, received minval 1 and maxval 0');
  expect(() => init.identity().call([2, 2, 2])).toThrow('Expected a 2-D shape in initializer Identity, received [2, 2, 2]');
  expect(() => init.varianceScaling({ mode: 'fan_sideways' as never })).toThrow(/Expected mode to be one of fan_in, fan_out, fan_avg, received "fan_sideways"/);
  expect(() => init.varianceScaling({ distribution: 'cauchy' as never })).toThrow(/Expected distribution to be one of truncated_normal/);
  expect(() => getInitializer('glorot_uniformm')).toThrow(/^Unknown initializer "glorot_uniformm": expected one of Zeros, Ones/);
});
