import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { SGD, sgd } from './sgd';
import { expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

describeEachBackend('SGD', () => {
  it('has Keras’s defaults: learning rate 0.01, no momentum, name "SGD"', () => {
    const optimizer = sgd();
    expect(optimizer).toBeInstanceOf(SGD);
    expect([optimizer.learningRate, optimizer.momentum, optimizer.nesterov, optimizer.name]).toEqual([0.01, 0, false, 'SGD']);
  });

  it('without momentum: w ← w − η·g', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(sgd({ learningRate: 0.1 })));
    expectWeights(actual, stepsByHand((w, g) => w - 0.1 * g));
  });

  it('with momentum: m ← μ·m − η·g, w ← w + m', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(sgd({ learningRate: 0.1, momentum: 0.9 })));
    const expected = stepsByHand(
      (w, g, s) => {
        s.m = 0.9 * s.m - 0.1 * g;
        return w + s.m;
      },
      { m: 0 },
    );
    expectWeights(actual, expected);
  });

  it('with Nesterov momentum: m ← μ·m − η·g, w ← w + μ·m − η·g', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true })));
    const expected = stepsByHand(
      (w, g, s) => {
        s.m = 0.9 * s.m - 0.1 * g;
        return w + 0.9 * s.m - 0.1 * g;
      },
      { m: 0 },
    );
    expectWeights(actual, expected);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => sgd({ learningRate: -1 })).toThrow('Expected learningRate to be a finite number ≥ 0, received -1 in optimizer "SGD"');
    expect(() => sgd({ learningRate: Number.NaN })).toThrow('Expected learningRate to be a finite number ≥ 0, received NaN in optimizer "SGD"');
    expect(() => sgd({ momentum: 1.5 })).toThrow('Expected momentum to be a number in [0, 1], received 1.5 in optimizer "SGD"');
    expect(() => sgd({ momentum: -0.1 })).toThrow('Expected momentum to be a number in [0, 1], received -0.1 in optimizer "SGD"');
    // The class says the cause: a value out of range, or one of the wrong type.
    expect(() => sgd({ momentum: 1.5 })).toThrow(RangeError);
    expect(() => sgd({ momentum: '0.9' as never })).toThrow(TypeError);
    expect(() => sgd({ nesterov: 'yes' as never })).toThrow('Expected nesterov to be a boolean, received "yes" in optimizer "SGD"');
  });
});
