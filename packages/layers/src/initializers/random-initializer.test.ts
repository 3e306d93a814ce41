import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { glorotUniform, heNormal, orthogonal, randomNormal, randomUniform, truncatedNormal, varianceScaling } from './factories';
import type { Initializer } from './initializer';

afterEach(() => clearSeed());

/** The values of one call, with the tensor disposed. */
const valuesOf = (initializer: Initializer, shape = [8, 6]) => {
  const tensor = initializer.call(shape);
  const values = Array.from(tensor.dataSync());
  tensor.dispose();
  return values;
};

const makers: Array<[string, (seed?: number) => Initializer]> = [
  ['RandomUniform', (seed) => randomUniform({ seed })],
  ['RandomNormal', (seed) => randomNormal({ seed })],
  ['TruncatedNormal', (seed) => truncatedNormal({ seed })],
  ['VarianceScaling', (seed) => varianceScaling({ seed, distribution: 'uniform' })],
  ['GlorotUniform', (seed) => glorotUniform({ seed })],
  ['HeNormal', (seed) => heNormal({ seed })],
  ['Orthogonal', (seed) => orthogonal({ seed })],
];

describeEachBackend('random initializers', () => {
  it.each(makers)('%s: the same seed gives the same tensor, call after call; another seed another', (_, make) => {
    const first = valuesOf(make(7));
    expect(valuesOf(make(7))).toEqual(first);
    const seeded = make(7);
    expect(valuesOf(seeded)).toEqual(valuesOf(seeded));
    expect(valuesOf(make(8))).not.toEqual(first);
  });

  it.each(makers)('%s: after setSeed(n), fresh unseeded initializers repeat the same draws', (_, make) => {
    setSeed(1234);
    const first = [valuesOf(make()), valuesOf(make())];
    expect(first[1]).not.toEqual(first[0]); // each call takes the next seed of the stream
    setSeed(1234);
    expect([valuesOf(make()), valuesOf(make())]).toEqual(first);
    clearSeed();
    expect(valuesOf(make())).not.toEqual(first[0]);
  });
});

it('draws the same seeded values on wasm and cpu', async () => {
  const [onWasm] = await computeOn('wasm', () => glorotUniform({ seed: 3 }).call([20, 10]));
  const [onCpu] = await computeOn('cpu', () => glorotUniform({ seed: 3 }).call([20, 10]));
  expectArraysClose(onWasm, onCpu, 0);
});

it('casts to the dtype asked for, leaving only the result', () => {
  const before = tf.memory().numTensors;
  const ints = randomUniform({ minval: 0, maxval: 10, seed: 1 }).call([4], 'int32');
  expect(ints.dtype).toBe('int32');
  expect(tf.memory().numTensors).toBe(before + 1);
  ints.dispose();
});
