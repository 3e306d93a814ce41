import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { rescaling } from './rescaling';
import { resizing } from './resizing';
import { centerCrop } from './center-crop';

afterEach(() => resetUniqueNames());

describeEachBackend('Rescaling, Resizing, CenterCrop', () => {
  it('pass runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => rescaling({ scale: 1 / 255, offset: -1 }), inputShape: [2, 4, 4, 3], expectedOutputShape: [2, 4, 4, 3], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => resizing({ height: 2, width: 6 }), inputShape: [2, 4, 4, 3], expectedOutputShape: [2, 2, 6, 3], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => centerCrop({ height: 2, width: 3 }), inputShape: [2, 4, 5, 1], expectedOutputShape: [2, 2, 3, 1], expectedWeightShapes: [] });
  });

  it('compute hand-checked values', () => {
    const x = tf.tensor4d([0, 255, 51, 102], [1, 2, 2, 1]);
    expect(Array.from(rescaling({ scale: 1 / 255 }).apply(x).dataSync()).map((v) => +v.toFixed(4))).toEqual([0, 1, 0.2, 0.4]);
    // Half-pixel bilinear 1×2 → 1×4 samples x = −0.25, 0.25, 0.75, 1.25 (clamped): 10, 12.5, 17.5, 20.
    const row = tf.tensor4d([10, 20], [1, 1, 2, 1]);
    expect(Array.from(resizing({ height: 1, width: 4 }).apply(row).dataSync())).toEqual([10, 12.5, 17.5, 20]);
    expect(Array.from(resizing({ height: 1, width: 4, interpolation: 'nearest' }).apply(row).dataSync())).toEqual([10, 10, 20, 20]);
    // cropToAspectRatio: a 2×4 image to 1×1 keeps the centred 2×2 window, then averages it.
    const wide = tf.tensor4d([0, 1, 2, 3, 4, 5, 6, 7], [1, 2, 4, 1]);
    expect(Array.from(resizing({ height: 1, width: 1, cropToAspectRatio: true }).apply(wide).dataSync())).toEqual([3.5]);
    const grid = tf.tensor3d(Array.from({ length: 20 }, (_, i) => i), [4, 5, 1]);
    expect(Array.from(centerCrop({ height: 2, width: 3 }).apply(grid).dataSync())).toEqual([6, 7, 8, 11, 12, 13]);
    tf.dispose([x, row, wide, grid]);
  });

  it('name the layer for bad arguments or inputs', () => {
    expect(() => resizing({ height: 0, width: 2 })).toThrow('Expected height to be an integer ≥ 1, received 0 in layer "resizing"');
    expect(() => resizing({ height: 2, width: 2, interpolation: 'cubic' as never })).toThrow('Expected interpolation to be one of bilinear, nearest, received "cubic" in layer "resizing_1"');
    expect(() => centerCrop({ height: 2, width: 2 }).apply(tf.zeros([4, 4]))).toThrow('Expected inputShape of rank 3 or 4, received [4, 4] in layer "center_crop"');
    expect(() => resizing({ height: 2, width: 2, name: 'r5' }).apply(tf.zeros([1, 1, 4, 4, 1]))).toThrow('Expected inputShape of rank 3 or 4, received [1, 1, 4, 4, 1] in layer "r5"');
    expect(() => rescaling({ scale: Number.NaN })).toThrow('Expected scale to be a finite number, received NaN in layer "rescaling"');
  });
});
