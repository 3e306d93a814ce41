import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import * as factories from './factories';
import { getInitializer, initializerNames, registerInitializer, serializeInitializer } from './get-initializer';
import { Initializer } from './initializer';

describe('getInitializer', () => {
  it.each([
    [['glorot_uniform', 'glorotUniform', 'GlorotUniform'], 'GlorotUniform'],
    [['he_normal', 'heNormal', 'HeNormal'], 'HeNormal'],
    [['lecun_uniform', 'LecunUniform'], 'LecunUniform'],
    [['truncated_normal', 'truncatedNormal'], 'TruncatedNormal'],
    [['variance_scaling', 'VarianceScaling'], 'VarianceScaling'],
    [['uniform', 'random_uniform'], 'RandomUniform'],
    [['normal', 'random_normal'], 'RandomNormal'],
    [['zeros', 'zero'], 'Zeros'],
    [['ones', 'one'], 'Ones'],
    [['orthogonal', 'OrthogonalInitializer'], 'Orthogonal'],
    [['identity', 'IdentityInitializer'], 'Identity'],
  ])('resolves %j to %s', (names, className) => {
    for (const name of names) expect(getInitializer(name).className, name).toBe(className);
  });

  it('builds from {class_name, config} and passes instances through', () => {
    const normal = getInitializer({ class_name: 'RandomNormal', config: { mean: 1, stddev: 0.5, seed: 4 } });
    expect(serializeInitializer(normal)).toEqual({ class_name: 'RandomNormal', config: { seed: 4, mean: 1, stddev: 0.5 } });
    const instance = factories.heUniform();
    expect(getInitializer(instance)).toBe(instance);
  });

  it('names an unknown initializer and lists the known ones', () => {
    expect(() => getInitializer('glorot_uniformm')).toThrow(/^Unknown initializer "glorot_uniformm": expected one of Zeros, Ones, Constant, Identity, RandomUniform/);
    expect(() => getInitializer({ class_name: 'RandomNormal', config: { stddev: -2 } })).toThrow(
      'Expected stddev to be a finite number ≥ 0, received -2 in initializer RandomNormal',
    );
  });
});

describe('serializeInitializer', () => {
  it.each([
    factories.zeros(),
    factories.ones(),
    factories.constant(0.25),
    factories.identity({ gain: 3 }),
    factories.randomUniform({ minval: -1, maxval: 1, seed: 1 }),
    factories.randomNormal({ mean: 2, stddev: 0.1 }),
    factories.truncatedNormal({ stddev: 0.02, seed: 5 }),
    factories.orthogonal({ gain: 1.5 }),
    factories.varianceScaling({ scale: 2, mode: 'fan_avg', distribution: 'untruncated_normal', seed: 9 }),
    factories.glorotUniform(),
    factories.glorotNormal({ seed: 1 }),
    factories.heNormal(),
    factories.heUniform(),
    factories.lecunNormal(),
    factories.lecunUniform({ seed: 2 }),
  ])('round-trips $className through {class_name, config}', (initializer) => {
    const serialized = serializeInitializer(initializer);
    expect(serialized.class_name).toBe(initializer.className);
    const rebuilt = getInitializer(JSON.parse(JSON.stringify(serialized)));
    expect(rebuilt.constructor).toBe(initializer.constructor);
    expect(serializeInitializer(rebuilt)).toEqual(serialized);
    for (const key of Object.keys(serialized.config)) expect(key).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('registerInitializer', () => {
  it('makes a custom class resolvable by name and config', () => {
    class Halves extends Initializer {
      static override className = 'HalvesForTest';
      call(shape: number[], dtype: tf.DataType = 'float32') {
        return tf.fill(shape, 0.5, dtype);
      }
    }
    registerInitializer(Halves, ['halves_for_test_alias']);
    expect(getInitializer('halves_for_test')).toBeInstanceOf(Halves);
    expect(getInitializer({ class_name: 'HalvesForTest', config: {} })).toBeInstanceOf(Halves);
    expect(getInitializer('halvesForTestAlias')).toBeInstanceOf(Halves);
    expect(initializerNames()).toContain('HalvesForTest');
    expect(() => registerInitializer(Halves, ['he_normal'])).toThrow('Expected a new initializer name, received "he_normal", already registered for HeNormal');
  });
});
