import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Ftrl, type FtrlArgs, ftrl } from './ftrl';
import { get } from './get-optimizer';
import { type HandState, expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

/** Keras 3's `Ftrl.update_step` for one weight, in plain numbers. */
function ftrlByHand({ learningRate: lr = 0.001, learningRatePower: p = -0.5, l1RegularizationStrength: l1 = 0, l2RegularizationStrength: l2 = 0, l2ShrinkageRegularizationStrength: shrink = 0, beta = 0 }: FtrlArgs & { learningRate?: number }) {
  return (w: number, g: number, s: HandState) => {
    const l2Reg = l2 + beta / (2 * lr);
    const gradToUse = g + 2 * shrink * w;
    const newAccum = s.n + g * g;
    s.z = s.z + gradToUse - ((newAccum ** -p - s.n ** -p) / lr) * w;
    const quadratic = newAccum ** -p / lr + 2 * l2Reg;
    const clipped = Math.min(Math.max(s.z, -l1), l1);
    s.n = newAccum;
    return (clipped - s.z) / quadratic;
  };
}

describeEachBackend('Ftrl', () => {
  it('has Keras’s defaults: 0.001, power −0.5, accumulator 0.1, strengths 0; slots accumulator then linear', () => {
    const optimizer = ftrl();
    expect(optimizer).toBeInstanceOf(Ftrl);
    expect([optimizer.learningRate, optimizer.learningRatePower, optimizer.initialAccumulatorValue, optimizer.l1RegularizationStrength, optimizer.l2RegularizationStrength, optimizer.l2ShrinkageRegularizationStrength, optimizer.beta, optimizer.name]).toEqual([
      0.001, -0.5, 0.1, 0, 0, 0, 0, 'ftrl',
    ]);
    expect(optimizer.slotBuildOrder()).toEqual([['accumulator', 'linear']]);
  });

  it.each([
    ['defaults at rate 0.5', { learningRate: 0.5 }, 0.1],
    ['every strength, and a power of −0.7', { learningRate: 0.3, learningRatePower: -0.7, l1RegularizationStrength: 0.05, l2RegularizationStrength: 0.1, l2ShrinkageRegularizationStrength: 0.2, beta: 0.4, initialAccumulatorValue: 0.5 }, 0.5],
    ['an L1 strength that zeroes weights', { learningRate: 0.5, l1RegularizationStrength: 0.6 }, 0.1],
    ['a fixed rate (power 0)', { learningRate: 0.2, learningRatePower: 0 }, 0.1],
  ] as Array<[string, FtrlArgs & { learningRate: number }, number]>)('follows Keras’s formula step by step: %s', async (_name, args, initial) => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(ftrl(args)));
    expectWeights(actual, stepsByHand(ftrlByHand(args), { n: initial, z: 0 }));
  });

  it('writes and reads Keras’s config keys', () => {
    const config = ftrl({ l1RegularizationStrength: 0.01, beta: 0.5 }).getConfig();
    expect(config).toEqual({
      name: 'ftrl',
      learning_rate: 0.001,
      weight_decay: null,
      clipnorm: null,
      global_clipnorm: null,
      clipvalue: null,
      learning_rate_power: -0.5,
      initial_accumulator_value: 0.1,
      l1_regularization_strength: 0.01,
      l2_regularization_strength: 0,
      l2_shrinkage_regularization_strength: 0,
      beta: 0.5,
    });
    const read = get({ class_name: 'Ftrl', config }) as Ftrl;
    expect([read.l1RegularizationStrength, read.beta]).toEqual([0.01, 0.5]);
    expect(get('ftrl')).toBeInstanceOf(Ftrl);
  });

  it('rejects bad arguments as Keras does, naming them', () => {
    expect(() => ftrl({ learningRatePower: 0.5 })).toThrow('Expected learningRatePower to be a finite number ≤ 0, received 0.5 in optimizer "ftrl"');
    expect(() => ftrl({ initialAccumulatorValue: -1 })).toThrow('Expected initialAccumulatorValue to be a finite number ≥ 0, received -1 in optimizer "ftrl"');
    expect(() => ftrl({ l2ShrinkageRegularizationStrength: -1 })).toThrow('Expected l2ShrinkageRegularizationStrength to be a finite number ≥ 0, received -1 in optimizer "ftrl"');
    expect(() => ftrl({ l1RegularizationStrength: -1 })).toThrow('Expected l1RegularizationStrength to be a finite number ≥ 0, received -1 in optimizer "ftrl"');
    expect(() => ftrl({ l2RegularizationStrength: -1 })).toThrow('Expected l2RegularizationStrength to be a finite number ≥ 0, received -1 in optimizer "ftrl"');
    expect(() => ftrl({ beta: -1 })).toThrow('Expected beta to be a finite number ≥ 0, received -1 in optimizer "ftrl"');
  });
});
