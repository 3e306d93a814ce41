import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, seededArray } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { setMask } from '../engine/masking';
import { dense } from '../core/dense';
import { bidirectional } from './bidirectional';
import { gru } from './gru';
import { lstm } from './lstm';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

describeEachBackend('Bidirectional edge cases', () => {
  it('refuses a backward layer that is not recurrent, and directions that disagree on returnState', () => {
    const notRecurrent = dense({ units: 2, name: 'd' });
    expect(() => bidirectional({ layer: lstm({ units: 2 }), backwardLayer: notRecurrent as never, name: 'bi' })).toThrow(
      new TypeError(`Expected backwardLayer to be a recurrent layer, received ${String(notRecurrent)} in layer "bi"`),
    );
    expect(() => bidirectional({ layer: lstm({ units: 2 }), backwardLayer: lstm({ units: 2, goBackwards: true, returnState: true }), name: 'bj' })).toThrow(
      new Error('Expected the forward and backward layers to agree on returnState in layer "bj", received false and true'),
    );
  });

  it('takes directions of different sizes when it does not merge them', () => {
    const layer = bidirectional({ layer: simpleRNN({ units: 2 }), backwardLayer: simpleRNN({ units: 3, goBackwards: true }), mergeMode: null });
    expect(layer.computeOutputShape([4, 5, 6])).toEqual([[4, 2], [4, 3]]);
  });

  it('names a layer already called backward_… once for its backward copy', () => {
    const layer = bidirectional({ layer: simpleRNN({ units: 2, name: 'backward_rnn' }) });
    expect([layer.forwardLayer.name, layer.backwardLayer.name]).toEqual(['forward_backward_rnn', 'backward_rnn']);
  });

  it('counts one bare initial state as one, naming the count it expects', () => {
    const layer = bidirectional({ layer: simpleRNN({ units: 2 }), name: 'bi' });
    const x = tf.zeros([1, 3, 2]);
    const state = tf.zeros([1, 2]);
    expect(() => layer.apply(x, { initialState: state })).toThrow(new Error('Expected 2 initial states (the forward layer\'s, then the backward layer\'s) in layer "bi", received 1'));
    tf.dispose([x, state]);
  });

  // Keras zeroes masked outputs only for returned sequences: the last output of each direction is
  // then its last unmasked step's, carried over padding at either end.
  it.each([
    ['GRU', () => gru({ units: 2 })],
    ['LSTM', () => lstm({ units: 2 })],
  ])('gives the last outputs (%s) of a sequence padded at both ends as of the unpadded one', (_name, make) => {
    const layer = bidirectional({ layer: make() });
    const x = tf.tensor3d(seededArray(2 * 4 * 3, 91), [2, 4, 3]);
    const mask = tf.tensor2d([[0, 1, 1, 0], [0, 1, 1, 0]], [2, 4], 'bool');
    setMask(x, mask);
    const y = layer.apply(x);
    const middle = tf.slice(x, [0, 1, 0], [2, 2, 3]);
    const reference = layer.apply(middle);
    expect(y.shape).toEqual([2, 4]);
    expectArraysClose(y, reference, 1e-5);
    tf.dispose([x, mask, y, middle, reference]);
    layer.dispose();
  });
});
