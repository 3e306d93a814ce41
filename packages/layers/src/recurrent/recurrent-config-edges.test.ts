import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, seededArray } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { Bidirectional, bidirectional } from './bidirectional';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

describeEachBackend('recurrent layers: masks and configs', () => {
  // Keras divides an activity penalty by the batch size: 0.01 · Σ y² / batch for 'l2'.
  it("adds its activity regularizer's penalty on the output, per sample", () => {
    const layer = simpleRNN({ units: 2, activityRegularizer: 'l2' });
    const x = tf.tensor3d(seededArray(2 * 3 * 2, 95), [2, 3, 2]);
    const y = layer.apply(x);
    const expected = (0.01 * Array.from(y.dataSync()).reduce((sum, v) => sum + v * v, 0)) / 2;
    expect(layer.losses).toHaveLength(1);
    expect(layer.losses[0].dataSync()[0]).toBeCloseTo(expected, 7);
    tf.dispose([x, y]);
    layer.dispose();
  });

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
