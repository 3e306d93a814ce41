import { expect, it } from 'vitest';
import * as factories from './factories';
import { Constant } from './constant';
import { GlorotUniform, HeNormal } from './variance-scaling-presets';

it('makes instances of the matching classes', () => {
  expect(factories.glorotUniform({ seed: 1 })).toBeInstanceOf(GlorotUniform);
  expect(factories.glorotUniform({ seed: 1 }).seed).toBe(1);
  expect(factories.heNormal()).toBeInstanceOf(HeNormal);
  expect(factories.constant(2)).toBeInstanceOf(Constant);
  expect(factories.constant(2).value).toBe(2);
  expect(factories.constant({ value: 3 }).value).toBe(3);
  const names = Object.keys(factories).sort();
  expect(names).toEqual(
    ['constant', 'glorotNormal', 'glorotUniform', 'heNormal', 'heUniform', 'identity', 'lecunNormal', 'lecunUniform', 'ones', 'orthogonal', 'randomNormal', 'randomUniform', 'truncatedNormal', 'varianceScaling', 'zeros'],
  );
});

it('takes Keras’s positional arguments and refuses unknown keys, in the factories and the classes', () => {
  expect(factories.constant(0.5).value).toBe(0.5);
  expect(factories.randomNormal(1, 0.2, 3)).toMatchObject({ mean: 1, stddev: 0.2, seed: 3 });
  expect(factories.randomUniform(-1, 1)).toMatchObject({ minval: -1, maxval: 1 });
  expect(factories.glorotUniform(42).seed).toBe(42);
  expect(factories.varianceScaling(2, 'fan_out', 'uniform')).toMatchObject({ scale: 2 });
  expect(() => factories.randomNormal({ std: 1 } as never)).toThrow('Unknown option "std" in RandomNormal');
  expect(() => factories.truncatedNormal({ stdev: 1 } as never)).toThrow('Unknown option "stdev" in TruncatedNormal: did you mean "stddev"?');
  expect(() => factories.glorotUniform({ seed: 1, scale: 2 } as never)).toThrow('Unknown option "scale" in GlorotUniform');
  expect(() => new GlorotUniform({ sed: 1 } as never)).toThrow('Unknown option "sed" in GlorotUniform: did you mean "seed"?');
  expect(() => factories.zeros({ value: 1 } as never)).toThrow('Unknown option "value" in Zeros');
  expect(() => factories.orthogonal(1, { gain: 2 } as never)).toThrow('Expected gain once for Orthogonal');
});

it('rebuilds from file configs with keys the class does not read (TF.js writes scale, mode, distribution for GlorotUniform)', () => {
  const initializer = GlorotUniform.fromConfig({ scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: 7 });
  expect(initializer.seed).toBe(7);
});
