import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { ImageDataGenerator } from './image-data-generator';
import { writeBmp, writeJpeg, writePng } from './testing/write-images';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** dogs/ (3 images) and cats/ (2), each image 6×4 filled with one grey level that names it. */
function classFolders(): string {
  const root = mkdtempSync(join(tmpdir(), 'dendrite-flow-'));
  dirs.push(root);
  const files: Array<[string, Uint8Array]> = [
    ['dogs/b.png', writePng(6, 4, () => [30, 30, 30, 255])],
    ['dogs/a.bmp', writeBmp(6, 4, () => [20, 20, 20, 255])],
    ['dogs/deep/c.JPG', writeJpeg(6, 4, () => [40, 40, 40, 255])],
    ['cats/z.png', writePng(6, 4, () => [10, 10, 10, 255])],
    ['cats/y.png', writePng(6, 4, () => [0, 0, 0, 255])],
    ['cats/notes.txt', new TextEncoder().encode('not an image')],
  ];
  for (const [name, bytes] of files) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), bytes);
  }
  return root;
}

describeEachBackend('flowFromDirectory', () => {
  it('finds sorted classes and files, resizes, and yields Keras’s class modes', async () => {
    const root = classFolders();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const generator = new ImageDataGenerator({ rescale: 1 / 10 });
    const flow = generator.flowFromDirectory(root, { targetSize: [2, 3], batchSize: 5, shuffle: false });
    expect(log).toHaveBeenCalledWith('Found 5 images belonging to 2 classes.');
    log.mockRestore();
    expect(flow.classIndices).toEqual({ cats: 0, dogs: 1 });
    expect(flow.filenames).toEqual(['cats/y.png', 'cats/z.png', 'dogs/a.bmp', 'dogs/b.png', 'dogs/deep/c.JPG']);
    expect(Array.from(flow.classes)).toEqual([0, 0, 1, 1, 1]);
    await expectNoLeakedTensors(() => {
      const batch = flow.nextBatch();
      expect(batch.x.shape).toEqual([5, 2, 3, 3]);
      const firstPixels = Array.from(batch.x.dataSync()).filter((_, i) => i % 18 === 0);
      expect(firstPixels.map((v) => Math.round(v))).toEqual([0, 1, 2, 3, 4]);
      expect(Array.from(batch.y!.dataSync())).toEqual([1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
      tf.dispose([batch.x, batch.y!]);
    });
    const modes = { binary: [0, 0, 1, 1, 1], sparse: [0, 0, 1, 1, 1] } as const;
    for (const [classMode, expected] of Object.entries(modes)) {
      const batch = generator.flowFromDirectory(root, { targetSize: [2, 3], batchSize: 5, shuffle: false, classMode: classMode as 'binary', verbose: false }).nextBatch();
      expect(Array.from(batch.y!.dataSync())).toEqual(expected);
      tf.dispose([batch.x, batch.y!]);
    }
    const input = generator.flowFromDirectory(root, { targetSize: [2, 3], classMode: 'input', colorMode: 'grayscale', verbose: false }).nextBatch();
    expect(input.x.shape).toEqual([5, 2, 3, 1]);
    expect(Array.from(input.y!.dataSync())).toEqual(Array.from(input.x.dataSync()));
    tf.dispose([input.x, input.y!]);
    const none = generator.flowFromDirectory(root, { targetSize: [2, 3], classMode: null, verbose: false }).nextBatch();
    expect(none.y).toBeUndefined();
    none.x.dispose();
  });

  it('yields one-hot targets of width 1 for a single class folder, as Keras', async () => {
    const root = classFolders();
    const flow = new ImageDataGenerator().flowFromDirectory(root, { classes: ['dogs'], targetSize: [2, 3], batchSize: 3, shuffle: false, verbose: false });
    expect(flow.numClasses).toBe(1);
    await expectNoLeakedTensors(() => {
      const batch = flow.nextBatch();
      expect(batch.y!.shape).toEqual([3, 1]);
      expect(Array.from(batch.y!.dataSync())).toEqual([1, 1, 1]);
      tf.dispose([batch.x, batch.y!]);
    });
  });

  it('splits each class with validationSplit and subset, and names a corrupt image or skips it with a warning', () => {
    const root = classFolders();
    const generator = new ImageDataGenerator({ validationSplit: 0.5 });
    const validation = generator.flowFromDirectory(root, { subset: 'validation', verbose: false });
    const training = generator.flowFromDirectory(root, { subset: 'training', verbose: false });
    // floor(0.5 · 2) = 1 cat and floor(0.5 · 3) = 1 dog for validation.
    expect(validation.filenames).toEqual(['cats/y.png', 'dogs/a.bmp']);
    expect(training.filenames).toEqual(['cats/z.png', 'dogs/b.png', 'dogs/deep/c.JPG']);
    writeFileSync(join(root, 'cats', 'broken.png'), writePng(6, 4, () => [1, 1, 1, 255]).subarray(0, 50));
    const strict = new ImageDataGenerator().flowFromDirectory(root, { batchSize: 10, shuffle: false, verbose: false });
    expect(() => strict.nextBatch()).toThrow(/Expected a valid image in ".*cats\/broken\.png", received a corrupt or truncated one/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lenient = new ImageDataGenerator().flowFromDirectory(root, { invalidImages: 'skip', verbose: false });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Skipping cats\/broken\.png: Expected a valid image/));
    warn.mockRestore();
    expect(lenient.filenames).not.toContain('cats/broken.png');
    expect(lenient.samples).toBe(5);
    expect(() => new ImageDataGenerator().flowFromDirectory(join(root, 'nope'))).toThrow(/Expected a folder of class folders at ".*nope", received nothing/);
    expect(() => new ImageDataGenerator().flowFromDirectory(root, { classMode: 'binary', classes: ['cats'], verbose: false })).toThrow(/Expected 2 class folders for classMode "binary"/);
  });
});

describe('flowFromDirectory options', () => {
  it('names a bad classMode or targetSize', () => {
    const root = classFolders();
    expect(() => new ImageDataGenerator().flowFromDirectory(root, { classMode: 'multi' as never })).toThrow(/Expected classMode to be "categorical", "binary", "sparse", "input", "none" or null in flowFromDirectory, received "multi"/);
    expect(() => new ImageDataGenerator().flowFromDirectory(root, { targetSize: [0, 3] })).toThrow('Expected targetSize to be [height, width] of positive integers in flowFromDirectory, received [0,3]');
    expect(() => new ImageDataGenerator().flowFromDirectory(root, { targetSize: [Number.NaN, 3] })).toThrow('Expected targetSize to be [height, width] of positive integers in flowFromDirectory, received [NaN,3]');
  });
});

describe('flowFromDirectory, each option', () => {
  it('reads rgba and bilinear as asked, names the classes given, lists full paths, and says what it found unless verbose is false', () => {
    const root = classFolders();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const flow = new ImageDataGenerator().flowFromDirectory(root, { classes: ['dogs', 'cats'], colorMode: 'rgba', interpolation: 'bilinear', targetSize: [1, 2], classMode: 'sparse', shuffle: false, batchSize: 2 });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('Found 5 images belonging to 2 classes.');
    new ImageDataGenerator().flowFromDirectory(root, { verbose: false });
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
    expect([flow.imageShape, flow.numClasses, flow.classIndices]).toEqual([[1, 2, 4], 2, { dogs: 0, cats: 1 }]);
    expect(flow.filepaths).toEqual(['dogs/a.bmp', 'dogs/b.png', 'dogs/deep/c.JPG', 'cats/y.png', 'cats/z.png'].map((file) => `${root}/${file}`));
    const batch = flow.nextBatch();
    // Two 6×4 images of one grey level each, shrunk to 1×2 RGBA: their levels and an opaque alpha.
    expect(Array.from(batch.x.dataSync())).toEqual([20, 20, 20, 255, 20, 20, 20, 255, 30, 30, 30, 255, 30, 30, 30, 255]);
    expect(Array.from(batch.y!.dataSync())).toEqual([0, 0]);
    tf.dispose([batch.x, batch.y!]);
  });

  it('resizes with the interpolation asked, nearest by default', () => {
    const root = mkdtempSync(join(tmpdir(), 'dendrite-flow-'));
    dirs.push(root);
    mkdirSync(join(root, 'ramp'));
    writeFileSync(join(root, 'ramp', 'r.png'), writePng(2, 1, (x) => [x * 100, 0, 0, 255]));
    const reds = (options: object) => {
      const batch = new ImageDataGenerator().flowFromDirectory(root, { targetSize: [1, 4], verbose: false, ...options }).nextBatch();
      const values = Array.from(batch.x.dataSync()).filter((_, i) => i % 3 === 0);
      tf.dispose([batch.x, batch.y!]);
      return values;
    };
    expect(reds({})).toEqual([0, 0, 100, 100]);
    expect(reds({ interpolation: 'bilinear' })).toEqual([0, 25, 75, 100]);
  });

  it('yields no targets for classMode "none", and keeps each skipped file’s class out of the classes', () => {
    const root = classFolders();
    writeFileSync(join(root, 'cats', 'a-broken.png'), writePng(6, 4, () => [1, 1, 1, 255]).subarray(0, 50));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const flow = new ImageDataGenerator().flowFromDirectory(root, { classMode: 'none', invalidImages: 'skip', targetSize: [2, 3], shuffle: false, batchSize: 5, verbose: false });
    warn.mockRestore();
    expect(flow.filenames).toEqual(['cats/y.png', 'cats/z.png', 'dogs/a.bmp', 'dogs/b.png', 'dogs/deep/c.JPG']);
    expect(Array.from(flow.classes)).toEqual([0, 0, 1, 1, 1]);
    const batch = flow.nextBatch();
    expect(batch.y).toBeUndefined();
    batch.x.dispose();
  });

  it('names a bad invalidImages, targetSize, subset, or a subset without validationSplit', () => {
    const root = classFolders();
    const flow = (options: object, generator = new ImageDataGenerator({ validationSplit: 0.5 })) => () => generator.flowFromDirectory(root, { verbose: false, ...options });
    const sizes = 'Expected targetSize to be [height, width] of positive integers in flowFromDirectory, received';
    expect(flow({ invalidImages: 'warn' })).toThrow('Expected invalidImages to be "error" or "skip" in flowFromDirectory, received "warn"');
    expect(flow({ targetSize: [2] })).toThrow(`${sizes} [2]`);
    expect(flow({ targetSize: [2, 2, 2] })).toThrow(`${sizes} [2,2,2]`);
    expect(flow({ targetSize: [2, 1.5] })).toThrow(`${sizes} [2,1.5]`);
    expect(flow({ targetSize: [2, 0] })).toThrow(`${sizes} [2,0]`);
    expect(flow({ targetSize: [1, 1] })().imageShape).toEqual([1, 1, 3]);
    expect(flow({ subset: 'test' })).toThrow('Expected subset to be "training" or "validation" in flowFromDirectory, received "test"');
    expect(flow({ subset: 'training' }, new ImageDataGenerator())).toThrow('Expected a validationSplit on the ImageDataGenerator to use subset in flowFromDirectory, received none');
    expect(flow({ classMode: 'binary', classes: ['cats', 'dogs'] })().classIndices).toEqual({ cats: 0, dogs: 1 });
  });
});
