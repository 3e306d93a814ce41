import { afterEach, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { depthwiseConv2d } from './depthwise-conv2d';
import { separableConv2d } from './separable-conv2d';
import type { SpatialConv } from './spatial-conv';

afterEach(() => resetUniqueNames());

/** Each convolution, its input shape (batch axis left out) and the weights its build makes. */
const layers: Array<[string, () => SpatialConv, number[], Array<[string, number[]]>]> = [
  ['Conv1D', () => conv1d({ filters: 4, kernelSize: 3 }), [6, 2], [['kernel', [3, 2, 4]], ['bias', [4]]]],
  ['Conv2D', () => conv2d({ filters: 4, kernelSize: 3, groups: 2 }), [5, 5, 2], [['kernel', [3, 3, 1, 4]], ['bias', [4]]]],
  ['Conv2DTranspose', () => conv2dTranspose({ filters: 4, kernelSize: 3 }), [5, 5, 2], [['kernel', [3, 3, 4, 2]], ['bias', [4]]]],
  ['DepthwiseConv2D', () => depthwiseConv2d({ kernelSize: 3, depthMultiplier: 3 }), [5, 5, 2], [['kernel', [3, 3, 2, 3]], ['bias', [6]]]],
  ['SeparableConv2D', () => separableConv2d({ filters: 4, kernelSize: 3, depthMultiplier: 3 }), [5, 5, 2], [['depthwise_kernel', [3, 3, 2, 3]], ['pointwise_kernel', [1, 1, 6, 4]], ['bias', [4]]]],
];

describe('SpatialConv', () => {
  it.each(layers)('%s builds its kernels, then the bias, and pins the channel count', (_name, make, shape, weights) => {
    const layer = make();
    layer.build([null, ...shape]);
    expect(layer.weights.map((weight) => [weight.name, weight.shape])).toEqual(weights);
    expect(layer.inputSpec).toEqual({ ndim: shape.length + 1, axes: { [-1]: shape[shape.length - 1] } });
    layer.dispose();
    const noBias = make();
    (noBias as { useBias: boolean }).useBias = false;
    noBias.build([null, ...shape]);
    expect(noBias.weights.map((weight) => weight.shape)).toEqual(weights.slice(0, -1).map(([, weightShape]) => weightShape));
    noBias.dispose();
  });

  it.each(layers)('%s computes its output shape once per symbolic call and once per call on tensors', (_name, make, shape) => {
    const symbolic = make();
    const spy = vi.spyOn(symbolic, 'computeOutputShape');
    symbolic.apply(input({ shape }));
    expect(spy).toHaveBeenCalledTimes(1);
    symbolic.dispose();

    const eager = make();
    const eagerSpy = vi.spyOn(eager, 'computeOutputShape');
    const x = tf.ones([1, ...shape]);
    for (let call = 1; call <= 2; call++) {
      tf.dispose(eager.apply(x));
      expect(eagerSpy).toHaveBeenCalledTimes(call);
    }
    tf.dispose(x);
    eager.dispose();
  });

  it('names an unknown channel count, and groups where they apply', () => {
    expect(() => depthwiseConv2d({ kernelSize: 1, name: 'd' }).build([null, 4, 4, null])).toThrow('Expected a known channel count, received inputShape [null, 4, 4, null] in layer "d"');
    expect(() => separableConv2d({ filters: 1, kernelSize: 1, name: 's' }).build([null, 4, 4, null])).toThrow('Expected a known channel count, received inputShape [null, 4, 4, null] in layer "s"');
    expect(() => conv2d({ filters: 2, kernelSize: 1, groups: 2, name: 'c' }).build([null, 4, 4, 3])).toThrow('Expected a known channel count divisible by groups (2), received inputShape [null, 4, 4, 3] in layer "c"');
  });

  it('still names the layer when a window does not fit, symbolically or in a call on tensors', () => {
    for (const make of [() => conv2d({ filters: 1, kernelSize: 3, name: 'c' }), () => depthwiseConv2d({ kernelSize: 3, name: 'c' }), () => separableConv2d({ filters: 1, kernelSize: 3, name: 'c' })]) {
      const message = 'Expected spatial sizes of at least [3, 3] (the window) with padding "valid", received inputShape [null, 2, 5, 1] in layer "c"';
      const layer = make();
      expect(() => layer.apply(input({ shape: [2, 5, 1] }))).toThrow(message);
      const x = tf.zeros([1, 2, 5, 1]);
      expect(() => layer.apply(x)).toThrow(message.replace('[null,', '[1,'));
      x.dispose();
      layer.dispose();
      resetUniqueNames();
    }
  });
});
