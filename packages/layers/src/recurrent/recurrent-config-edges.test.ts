import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { Bidirectional, bidirectional } from './bidirectional';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

describeEachBackend('recurrent layers: masks and configs', () => {
  it('passes no mask on, unmerged, when it received none', () => {
    const input = tf.zeros([1, 2, 1]);
    expect(bidirectional({ layer: simpleRNN({ units: 2, returnSequences: true }), mergeMode: null }).computeMask(input, null)).toBeNull();
    input.dispose();
  });

  it('makes its backward layer from the forward one when the config has none', () => {
    const { backward_layer: _backward, ...config } = bidirectional({ layer: simpleRNN({ units: 2, name: 'r' }) }).getConfig();
    const rebuilt = Bidirectional.fromConfig(config) as Bidirectional;
    expect([rebuilt.backwardLayer.name, rebuilt.backwardLayer.goBackwards]).toEqual(['backward_forward_r', true]);
  });
});
