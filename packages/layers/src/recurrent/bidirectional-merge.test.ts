import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { Bidirectional, bidirectional } from './bidirectional';
import { lstm } from './lstm';
import { simpleRNN } from './simple-rnn';

afterEach(() => resetUniqueNames());

describeEachBackend('Bidirectional merges', () => {
  it.each([
    ['sum', (f: number, b: number) => f + b],
    ['mul', (f: number, b: number) => f * b],
    ['ave', (f: number, b: number) => (f + b) / 2],
  ] as const)('%s merges the two directions entry by entry', async (mergeMode, merge) => {
    const layer = bidirectional({ layer: simpleRNN({ units: 3 }), mergeMode });
    const x = tf.tensor3d(seededArray(2 * 4 * 2, 81), [2, 4, 2]);
    layer.build([2, 4, 2]);
    await expectNoLeakedTensors(() => {
      const [forward, backward] = [layer.forwardLayer.apply(x), layer.backwardLayer.apply(x)] as tf.Tensor[];
      const [f, b] = [forward.dataSync(), backward.dataSync()];
      const y = layer.apply(x) as tf.Tensor;
      expect(y.shape).toEqual([2, 3]);
      expectArraysClose(y, Array.from(f, (value, i) => merge(value, b[i])), 1e-6);
      tf.dispose([forward, backward, y]);
    });
    x.dispose();
    layer.dispose();
  });

  it('returns both directions unmerged with mergeMode null, and hands each its own initial states', async () => {
    const layer = bidirectional({ layer: lstm({ units: 2, returnState: true }), mergeMode: null });
    const x = tf.tensor3d(seededArray(2 * 3 * 2, 82), [2, 3, 2]);
    const states = [83, 84, 85, 86].map((seed) => tf.tensor2d(seededArray(4, seed), [2, 2]));
    layer.build([2, 3, 2]);
    await expectNoLeakedTensors(() => {
      const outputs = layer.apply(x, { initialState: states }) as unknown as tf.Tensor[];
      const forward = layer.forwardLayer.apply(x, { initialState: states.slice(0, 2) }) as unknown as tf.Tensor[];
      const backward = layer.backwardLayer.apply(x, { initialState: states.slice(2) }) as unknown as tf.Tensor[];
      expect(outputs).toHaveLength(6);
      const expected = [forward[0], backward[0], forward[1], forward[2], backward[1], backward[2]];
      outputs.forEach((output, i) => expectArraysClose(output, expected[i], 1e-6));
      tf.dispose([...outputs, ...forward, ...backward]);
    });
    tf.dispose([x, ...states]);
    layer.dispose();
  });
});

describe('Bidirectional shapes, masks and config', () => {
  it('gives the merged shapes, the states after', () => {
    expect(bidirectional({ layer: lstm({ units: 2, returnSequences: true }) }).computeOutputShape([5, 3, 4])).toEqual([5, 3, 4]);
    expect(bidirectional({ layer: lstm({ units: 2 }), mergeMode: 'mul' }).computeOutputShape([5, 3, 4])).toEqual([5, 2]);
    expect(bidirectional({ layer: lstm({ units: 2 }), mergeMode: null }).computeOutputShape([5, 3, 4])).toEqual([[5, 2], [5, 2]]);
    expect(bidirectional({ layer: simpleRNN({ units: 2, returnState: true }), backwardLayer: simpleRNN({ units: 3, goBackwards: true, returnState: true }) }).computeOutputShape([5, 3, 4])).toEqual([
      [5, 5],
      [5, 2],
      [5, 3],
    ]);
  });

  it('passes the mask on with returned sequences: once merged, twice unmerged, none for the last output', () => {
    const mask = tf.tensor2d([[1, 0]], [1, 2], 'bool');
    const input = tf.zeros([1, 2, 1]);
    expect(bidirectional({ layer: simpleRNN({ units: 2, returnSequences: true }) }).computeMask(input, mask)).toBe(mask);
    expect(bidirectional({ layer: simpleRNN({ units: 2, returnSequences: true }), mergeMode: null }).computeMask(input, [mask])).toEqual([mask, mask]);
    expect(bidirectional({ layer: simpleRNN({ units: 2 }) }).computeMask(input, mask)).toBeNull();
    expect(bidirectional({ layer: simpleRNN({ units: 2, returnSequences: true }) }).computeMask(input, null)).toBeNull();
    tf.dispose([mask, input]);
  });

  it('names the directions once, whatever prefix the layer has, and rebuilds with Keras’s defaults', () => {
    const layer = bidirectional({ layer: simpleRNN({ units: 2, name: 'forward_rnn' }), name: 'bi' });
    expect([layer.forwardLayer.name, layer.backwardLayer.name]).toEqual(['forward_rnn', 'backward_forward_rnn']);
    const config = layer.getConfig();
    const { merge_mode: _mergeMode, ...withoutMode } = config;
    const rebuilt = Bidirectional.fromConfig({ ...withoutMode, batch_input_shape: [null, 3, 4], dtype: 'float32', trainable: false }) as Bidirectional;
    expect(rebuilt.mergeMode).toBe('concat');
    expect(rebuilt.trainable).toBe(false);
    expect(rebuilt.getConfig()).toMatchObject({ batch_input_shape: [null, 3, 4], dtype: 'float32', name: 'bi' });
    const trainable = Bidirectional.fromConfig({ ...config, trainable: undefined }) as Bidirectional;
    expect(trainable.trainable).toBe(true);
    expect(trainable.mergeMode).toBe('concat');
    expect((Bidirectional.fromConfig({ ...config, merge_mode: null }) as Bidirectional).mergeMode).toBeNull();
  });
});
