import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectNoLeakedTensors, useBackend } from '@dendrite/test-utils';
import * as augment from './index';

beforeAll(() => useBackend('cpu'));

const bogus = { bogus: 1 } as never;
/** Two 2×2 grey images and their labels. */
const x = { values: Float32Array.from({ length: 8 }, (_, i) => i), shape: [2, 2, 2, 1] };
const y = { values: Float32Array.from([0, 1]), shape: [2] };
const image: augment.DecodedImage = { width: 1, height: 1, data: Uint8Array.from([1, 2, 3, 255]), channels: 4 };
/** A default generator, made by the test that uses it (made at load, its code would run outside every test: Stryker's slow static mutants). */
const generator = () => new augment.ImageDataGenerator();

/** Every exported class, factory and method that takes options, given a key none of them reads. */
const SWEEP: Array<[owner: string, call: () => unknown]> = [
  ['ImageDataGenerator', () => new augment.ImageDataGenerator(bogus)],
  ['ImageDataGenerator', () => augment.imageDataGenerator(bogus)],
  ['ImageDataGenerator.fit', () => generator().fit(x, bogus)],
  ['ImageDataGenerator.flow', () => generator().flow(x, y, bogus)],
  ['ImageDataGenerator.flow', () => generator().flow(x, bogus)],
  ['ImageDataGenerator.flow', () => new augment.ArrayIterator(generator(), x, y, bogus)],
  ['flowFromDirectory', () => generator().flowFromDirectory('no-such-folder', bogus)],
  ['flowFromDirectory', () => new augment.DirectoryIterator(generator(), 'no-such-folder', bogus)],
  ['loadImage', () => augment.loadImage('no-such-image.png', bogus)],
  ['loadImage', () => augment.imageToArray(image, bogus)],
  ['listImageFiles', () => augment.listImageFiles('no-such-folder', bogus)],
];

describe('every augment options object refuses an unknown key', () => {
  for (const [index, [owner, call]] of SWEEP.entries()) {
    it(`${owner} (${index})`, () => {
      expect(call).toThrow(TypeError);
      expect(call).toThrow(new RegExp(`^Unknown option "bogus" in ${owner.replace('.', '\\.')}; expected one of `));
    });
  }

  it('names the camelCase key a Keras user meant', () => {
    expect(() => augment.imageDataGenerator({ rotation_range: 10 } as never)).toThrow('Unknown option "rotation_range" in ImageDataGenerator: did you mean "rotationRange"?');
    expect(() => generator().flow(x, y, { batch_size: 1 } as never)).toThrow('Unknown option "batch_size" in ImageDataGenerator.flow: did you mean "batchSize"?');
    expect(() => generator().flowFromDirectory('no-such-folder', { target_size: [2, 2] } as never)).toThrow('Unknown option "target_size" in flowFromDirectory: did you mean "targetSize"?');
    expect(() => generator().flowFromDirectory('no-such-folder', { class_mode: 'binary' } as never)).toThrow('did you mean "classMode"?');
    expect(() => augment.loadImage('no-such-image.png', { color_mode: 'grayscale' } as never)).toThrow('did you mean "colorMode"?');
  });

  it('refuses a bare value where Keras takes target_size or augment positionally', () => {
    expect(() => generator().flowFromDirectory('no-such-folder', [150, 150] as never)).toThrow('Expected the options of flowFromDirectory to be an object, received [150,150]');
    expect(() => generator().fit(x, true as never)).toThrow('Expected the options of ImageDataGenerator.fit to be an object, received true');
  });

  it('refuses option values it would misread, rather than ignoring them', () => {
    expect(() => generator().flow(x, y, { shuffle: 'no' as never })).toThrow('Expected shuffle to be a boolean in ImageDataGenerator.flow, received "no"');
    expect(() => generator().flow(x, y, { seed: '1' as never })).toThrow('Expected seed to be a number in ImageDataGenerator.flow, received "1"');
    expect(() => generator().getRandomTransform([2, 2, 1], { seed: 1 } as never)).toThrow('Expected seed to be a number in ImageDataGenerator.getRandomTransform, received {"seed":1}');
    expect(() => augment.imageToArray(image, { targetSize: 2 as never })).toThrow('Expected targetSize to be [height, width] of positive integers in loadImage, received 2');
    expect(() => generator().flowFromDirectory('no-such-folder', { invalidImages: 'ignore' as never })).toThrow('Expected invalidImages to be "error" or "skip" in flowFromDirectory, received "ignore"');
  });

  it('takes flow’s options second when there are no targets, as Keras’s flow(x, batch_size=1)', async () => {
    await expectNoLeakedTensors(async () => {
      const flow = generator().flow(x, { batchSize: 1, shuffle: false });
      expect(flow.length).toBe(2);
      const batch = flow.nextBatch();
      expect(batch.y).toBeUndefined();
      expect(Array.from(batch.x.dataSync())).toEqual([0, 1, 2, 3]);
      tf.dispose(batch.x);
    });
  });

  it('leaves a user’s subclass free to take its own options', () => {
    class Tinted extends augment.ImageDataGenerator {
      constructor(readonly settings: { tint: number; rescale: number }) {
        super(settings as never);
      }
    }
    expect(new Tinted({ tint: 3, rescale: 0.5 }).options.rescale).toBe(0.5);
  });
});
