import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { MinMaxNorm, minMaxNorm } from './min-max-norm';
import { EPSILON } from './norms';

describeEachBackend('MinMaxNorm', () => {
  it('moves norms into [minValue, maxValue] at rate 1, by defaults into [0, 1]', async () => {
    // Columns: [3, 4] has norm 5, [0.3, 0.4] norm 0.5, [0.6, 0.8] norm 1.
    const w = tf.tensor2d([[3, 0.3, 0.6], [4, 0.4, 0.8]]);
    await expectNoLeakedTensors(() => {
      const strict = minMaxNorm({ minValue: 1, maxValue: 2 }).call(w);
      const scale = (target: number, norm: number) => target / (norm + EPSILON);
      expectArraysClose(strict, [3 * scale(2, 5), 0.3 * scale(1, 0.5), 0.6 * scale(1, 1), 4 * scale(2, 5), 0.4 * scale(1, 0.5), 0.8 * scale(1, 1)], 1e-6);
      const byDefault = minMaxNorm().call(w);
      expectArraysClose(byDefault, [3 * scale(1, 5), 0.3 * scale(0.5, 0.5), 0.6 * scale(1, 1), 4 * scale(1, 5), 0.4 * scale(0.5, 0.5), 0.8 * scale(1, 1)], 1e-6);
      tf.dispose([strict, byDefault]);
    });
    w.dispose();
  });

  it('moves only part of the way at a rate below 1', () => {
    // rate 0.5 into [2, 3]: norm 5 → 0.5·3 + 0.5·5 = 4; norm 1 → 0.5·2 + 0.5·1 = 1.5.
    const y = tf.tidy(() => minMaxNorm({ minValue: 2, maxValue: 3, rate: 0.5 }).call(tf.tensor2d([[3, 0.6], [4, 0.8]])).dataSync());
    expectArraysClose(y, [2.4, 0.9, 3.2, 1.2], 1e-6);
  });
});

it('round-trips its config and names bad arguments', () => {
  expect(new MinMaxNorm().getConfig()).toEqual({ min_value: 0, max_value: 1, rate: 1, axis: 0 });
  const config = { min_value: 1, max_value: 2, rate: 0.5, axis: [0, 1] };
  expect(MinMaxNorm.fromConfig(config).getConfig()).toEqual(config);
  expect(() => minMaxNorm({ minValue: 3, maxValue: 1 })).toThrow('Expected minValue ≤ maxValue in constraint MinMaxNorm, received minValue 3 and maxValue 1');
  expect(() => minMaxNorm({ rate: 1.5 })).toThrow('Expected rate to be a number in [0, 1], received 1.5 in constraint MinMaxNorm');
  expect(() => minMaxNorm({ minValue: -1 })).toThrow('Expected minValue to be a finite number ≥ 0, received -1 in constraint MinMaxNorm');
});

it('minMaxNorm and unit norms take Keras’s positional arguments; nonNeg takes none', async () => {
  const { unitNorm } = await import('./unit-norm');
  const { nonNeg } = await import('./non-neg');
  expect(minMaxNorm(0.5, 2, 0.5, 1)).toMatchObject({ minValue: 0.5, maxValue: 2, rate: 0.5, axis: 1 });
  expect(unitNorm(1)).toMatchObject({ axis: 1 });
  expect(() => minMaxNorm({ min: 1 } as never)).toThrow(TypeError);
  expect(() => nonNeg(3 as never)).toThrow('Expected the options of NonNeg to be an object, received 3');
  expect(() => nonNeg({ axis: 0 } as never)).toThrow('Unknown option "axis" in NonNeg; expected no options');
});
