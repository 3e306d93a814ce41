import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { randomFlip } from './random-flip';
import { randomRotation } from './random-rotation';
import { randomZoom } from './random-zoom';
import { randomTranslation } from './random-translation';
import { randomContrast } from './random-contrast';

afterEach(() => resetUniqueNames());

const nine = () => tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
const values = (t: tf.Tensor) => Array.from(t.dataSync()).map((v) => Math.round(v * 1e4) / 1e4);

describeEachBackend('random augmentation layers', () => {
  it('pass runLayerTest and are the identity outside training', async () => {
    const makers = [
      () => randomFlip({ seed: 1 }),
      () => randomRotation({ factor: 0.2, seed: 1 }),
      () => randomZoom({ heightFactor: [-0.3, 0.3], seed: 1 }),
      () => randomTranslation({ heightFactor: 0.2, widthFactor: 0.2, seed: 1 }),
      () => randomContrast({ factor: 0.5, seed: 1 }),
    ];
    for (const makeLayer of makers) {
      await runLayerTest({ makeLayer, inputShape: [2, 5, 4, 3], expectedOutputShape: [2, 5, 4, 3], expectedWeightShapes: [] });
      const x = nine();
      const out = makeLayer().apply(x, { training: false }) as tf.Tensor;
      expect(values(out)).toEqual(values(x));
      tf.dispose(out === x ? [x] : [x, out]);
    }
  });

  it('rotate a quarter turn, zoom, translate and flip by hand-computed pixels', async () => {
    const x = nine();
    await expectNoLeakedTensors(() => {
      // factor 0.25 = 90° counter-clockwise: the top row becomes 3 6 9.
      const turned = randomRotation({ factor: [0.25, 0.25], interpolation: 'nearest' }).apply(x, { training: true }) as tf.Tensor;
      expect(values(turned)).toEqual([3, 6, 9, 2, 5, 8, 1, 4, 7]);
      // Zoom out by 2 about the centre with constant fill: corners sample outside.
      const zoomed = randomZoom({ heightFactor: [1, 1], fillMode: 'constant', interpolation: 'nearest' }).apply(x, { training: true }) as tf.Tensor;
      expect(values(zoomed)).toEqual([0, 0, 0, 0, 5, 0, 0, 0, 0]);
      // Move right by one third of the width (one pixel), wrapping.
      const moved = randomTranslation({ heightFactor: [0, 0], widthFactor: [1 / 3, 1 / 3], fillMode: 'wrap', interpolation: 'nearest' }).apply(x, { training: true }) as tf.Tensor;
      expect(values(moved)).toEqual([3, 1, 2, 6, 4, 5, 9, 7, 8]);
      tf.dispose([turned, zoomed, moved]);
    });
    // Over many images, about half are flipped, each exactly mirrored or untouched.
    const batch = tf.tile(x, [200, 1, 1, 1]);
    const flipped = randomFlip({ mode: 'horizontal', seed: 5 }).apply(batch, { training: true }) as tf.Tensor;
    const rows = values(flipped);
    let mirrored = 0;
    for (let i = 0; i < 200; i++) {
      const image = rows.slice(i * 9, i * 9 + 9);
      if (image[0] === 3) mirrored++;
      expect([[1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 2, 1, 6, 5, 4, 9, 8, 7]]).toContainEqual(image);
    }
    expect(mirrored).toBeGreaterThan(70);
    expect(mirrored).toBeLessThan(130);
    tf.dispose([x, batch, flipped]);
  });

  it('scales contrast about each image’s channel mean and clips to the value range', () => {
    const x = tf.tensor4d([0, 10, 20, 250], [1, 2, 2, 1]);
    // factor [1, 1]: a contrast in [0, 2] about the mean 70, the same for every pixel of the image.
    const wide = randomContrast({ factor: [1, 1], valueRange: [-1000, 1000], seed: 4 }).apply(x, { training: true }) as tf.Tensor;
    const [a, b, c, d] = Array.from(wide.dataSync());
    const f = (d - 70) / 180;
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(2);
    for (const [got, v] of [[a, 0], [b, 10], [c, 20]]) expect(got).toBeCloseTo(70 + (v - 70) * f, 3);
    // A contrast ≥ 1 pushes 0 below and 250 above [0, 100]: both are clipped.
    const out = randomContrast({ factor: [0, 1], valueRange: [0, 100] }).apply(x, { training: true }) as tf.Tensor;
    const clipped = values(out);
    expect([clipped[0], clipped[3]]).toEqual([0, 100]);
    wide.dispose();
    tf.dispose([x, out]);
  });

  it('repeat their draws for a seed and keep their config', () => {
    const x = tf.tile(nine(), [4, 1, 1, 1]);
    const a = randomRotation({ factor: 0.3, seed: 9 }).apply(x, { training: true }) as tf.Tensor;
    const b = randomRotation({ factor: 0.3, seed: 9 }).apply(x, { training: true }) as tf.Tensor;
    expect(values(a)).toEqual(values(b));
    const config = serializeLayer(randomZoom({ heightFactor: 0.2, widthFactor: [-0.1, 0.3], fillMode: 'nearest', seed: 3 }));
    expect(config.config).toMatchObject({ height_factor: [-0.2, 0.2], width_factor: [-0.1, 0.3], fill_mode: 'nearest', seed: 3 });
    expect((deserializeLayer(config) as unknown as { widthFactor: number[] }).widthFactor).toEqual([-0.1, 0.3]);
    tf.dispose([x, a, b]);
  });

  it('name the layer for bad arguments', () => {
    expect(() => randomFlip({ mode: 'diagonal' as never })).toThrow('Expected mode to be one of horizontal, vertical, horizontal_and_vertical, received "diagonal" in layer "random_flip"');
    expect(() => randomZoom({ heightFactor: [-1.5, 0] })).toThrow('Expected heightFactor to stay above -1, received [-1.5,0] in layer "random_zoom"');
    expect(() => randomTranslation({ heightFactor: 2, widthFactor: 0 })).toThrow(/Expected heightFactor to be a number or \[lower, upper\] with lower ≤ upper within \[-1, 1\], received 2 in layer "random_translation"/);
    expect(() => randomRotation({ factor: 0.1, fillMode: 'mirror' as never })).toThrow('Expected fillMode to be one of reflect, wrap, constant, nearest, received "mirror" in layer "random_rotation"');
    expect(() => randomContrast({ factor: 1.5 })).toThrow(/Expected factor to be in \[0, 1\]/);
    // NaN is printed as NaN, not as JSON's null.
    expect(() => randomContrast({ factor: [Number.NaN, 0.5] })).toThrow(/received \[NaN,0\.5\] in layer "random_contrast_1"/);
    expect(() => randomRotation({ factor: Number.NaN })).toThrow(/received NaN in layer "random_rotation_1"/);
    // Single images [h, w, c] are accepted as before; other ranks are refused by the layers' inputSpec.
    const single = tf.zeros([3, 3, 1]);
    const turnedSingle = randomRotation({ factor: 0.1, seed: 2 }).apply(single, { training: true });
    expect(turnedSingle.shape).toEqual([3, 3, 1]);
    tf.dispose([single, turnedSingle]);
    expect(() => randomFlip({ name: 'flip2' }).apply(tf.zeros([3, 3]))).toThrow('Expected inputShape of rank 3 or 4, received [3, 3] in layer "flip2"');
    expect(() => randomZoom({ heightFactor: 0.1, name: 'zoom5' }).apply(tf.zeros([1, 1, 3, 3, 1]), { training: true })).toThrow('Expected inputShape of rank 3 or 4, received [1, 1, 3, 3, 1] in layer "zoom5"');
  });
});
