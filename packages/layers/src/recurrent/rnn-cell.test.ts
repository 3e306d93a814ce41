import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { gru } from './gru';
import { lstm } from './lstm';
import { lstmCell } from './lstm-cell';
import { simpleRNN } from './simple-rnn';
import { simpleRNNCell } from './simple-rnn-cell';

afterEach(() => resetUniqueNames());

describeEachBackend('a cell called alone', () => {
  // Identity kernel, no recurrence, linear: the output is the input times its dropout mask.
  function identityCell(dropout: number) {
    const cell = simpleRNNCell({ units: 4, activation: 'linear', useBias: false, dropout, seed: 2 });
    cell.build([3, 4]);
    cell.setWeights([tf.eye(4), tf.zeros([4, 4])]);
    return cell;
  }

  it('drops its input in training only, as inverted dropout', async () => {
    const cell = identityCell(0.5);
    const x = tf.ones([3, 4]);
    await expectNoLeakedTensors(() => {
      const [inferred, state] = cell.apply(x, { training: false }) as unknown as tf.Tensor[];
      expectArraysClose(inferred, x, 1e-6);
      expectArraysClose(state, x, 1e-6);
      const [trained] = cell.apply(x, { training: true }) as unknown as tf.Tensor[];
      const values = Array.from(trained.dataSync());
      expect(values.every((v) => v === 0 || v === 2)).toBe(true);
      expect(values).toContain(0);
      expect(values).toContain(2);
      const [byDefault] = cell.apply(x) as unknown as tf.Tensor[];
      expectArraysClose(byDefault, x, 1e-6);
      tf.dispose([inferred, state, trained, byDefault]);
    });
    x.dispose();
    cell.dispose();
  });

  it('refuses the wrong number of states and an unknown feature axis, naming the cell', () => {
    const cell = lstmCell({ units: 2, name: 'cell' });
    const [x, h] = [tf.ones([1, 3]), tf.zeros([1, 2])];
    expect(() => cell.apply([x, h])).toThrow('Expected 2 states in layer "cell", received 1');
    expect(() => lstmCell({ units: 2, name: 'open' }).build([1, null])).toThrow('Expected the feature axis of the input to be known in layer "open", received [1, null]');
    expect(() => lstmCell({ units: 2, name: 'none' }).build([])).toThrow('Expected the feature axis of the input to be known in layer "none", received []');
    expect(() => simpleRNNCell({ units: 2, name: 'c', activation: 'nope' as never })).toThrow(/, for activation in layer "c"$/);
    expect(() => simpleRNNCell({ units: 2, name: 'c', kernelInitializer: 'nope' as never })).toThrow(/, for kernel.* in layer "c"$/);
    expect(() => simpleRNNCell({ units: 2, name: 'c', recurrentRegularizer: 'nope' as never })).toThrow(/, for recurrent.* in layer "c"$/);
    expect(() => simpleRNNCell({ units: 2, name: 'c', biasConstraint: 'nope' as never })).toThrow(/, for bias.* in layer "c"$/);
    tf.dispose([x, h]);
    cell.dispose();
  });

  it('keeps the batch axis of a batch of one', async () => {
    const cell = lstmCell({ units: 2 });
    cell.build([1, 3]);
    const x = tf.ones([1, 3]);
    await expectNoLeakedTensors(() => {
      const outputs = cell.apply(x) as unknown as tf.Tensor[];
      expect(outputs.map((output) => output.shape)).toEqual([[1, 2], [1, 2], [1, 2]]);
      tf.dispose(outputs);
    });
    x.dispose();
    cell.dispose();
  });

  it('gives its output and state shapes', () => {
    expect(lstmCell({ units: 3 }).computeOutputShape([null, 5])).toEqual([[null, 3], [null, 3], [null, 3]]);
    expect(simpleRNNCell({ units: 2 }).computeOutputShape([[7, 5], [7, 2]])).toEqual([[7, 2], [7, 2]]);
  });
});

describe('the cells’ arguments and config', () => {
  it('refuses a cell given to SimpleRNN, LSTM or GRU, which make their own', () => {
    for (const [make, name] of [[simpleRNN, 'simple_rnn'], [lstm, 'lstm'], [gru, 'gru']] as const) {
      expect(() => (make as (args: object) => unknown)({ units: 2, cell: lstmCell(2) })).toThrow(
        new TypeError(`Unknown option "cell" in layer "${name}": it makes its own cell from its options; pass a cell of yours to rnn({ cell })`),
      );
    }
  });

  it('writes every option under Keras’s key, defaults included', () => {
    expect(simpleRNNCell({ units: 2, name: 'plain' }).getConfig()).toEqual({
      name: 'plain',
      trainable: true,
      dtype: 'float32',
      units: 2,
      activation: 'tanh',
      use_bias: true,
      kernel_initializer: expect.objectContaining({ class_name: 'GlorotUniform' }),
      recurrent_initializer: expect.objectContaining({ class_name: 'Orthogonal' }),
      bias_initializer: expect.objectContaining({ class_name: 'Zeros' }),
      kernel_regularizer: null,
      recurrent_regularizer: null,
      bias_regularizer: null,
      kernel_constraint: null,
      recurrent_constraint: null,
      bias_constraint: null,
      dropout: 0,
      recurrent_dropout: 0,
      seed: null,
    });
    const config = lstmCell({
      units: 3,
      activation: 'relu',
      recurrentActivation: 'hard_sigmoid',
      useBias: false,
      unitForgetBias: false,
      kernelInitializer: 'ones',
      recurrentInitializer: 'zeros',
      biasInitializer: 'ones',
      kernelRegularizer: 'l2',
      recurrentRegularizer: 'l1',
      biasRegularizer: 'l1_l2',
      kernelConstraint: 'max_norm',
      recurrentConstraint: 'non_neg',
      biasConstraint: 'unit_norm',
      dropout: 0.1,
      recurrentDropout: 0.2,
      seed: 7,
    }).getConfig();
    expect(config).toMatchObject({
      units: 3,
      activation: 'relu',
      recurrent_activation: 'hard_sigmoid',
      use_bias: false,
      unit_forget_bias: false,
      kernel_initializer: { class_name: 'Ones' },
      recurrent_initializer: { class_name: 'Zeros' },
      bias_initializer: { class_name: 'Ones' },
      kernel_regularizer: { class_name: 'L2' },
      recurrent_regularizer: { class_name: 'L1' },
      bias_regularizer: { class_name: 'L1L2' },
      kernel_constraint: { class_name: 'MaxNorm' },
      recurrent_constraint: { class_name: 'NonNeg' },
      bias_constraint: { class_name: 'UnitNorm' },
      dropout: 0.1,
      recurrent_dropout: 0.2,
      seed: 7,
    });
  });
});
