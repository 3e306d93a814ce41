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
