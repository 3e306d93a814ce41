/**
 * The one float32 file every side of an MNIST epoch bench reads (Dendrite and tfjs-layers in Node
 * children, PyTorch in Python): the 60 000 training images scaled to [0, 1] (784 values each, row
 * after row; the CNN reads the same bytes as 28×28×1), then their 60 000 one-hot labels (10 each).
 * Nothing of Dendrite is imported here: the tfjs-layers child reads the file through this module.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Images in the file, pixels per image, classes per label. */
export const MNIST_ROWS = 60000;
const PIXELS = 784;
const CLASSES = 10;

/**
 * Writes images `x` and labels `y` (`mnistTrain('mlp')`) to the temporary folder and returns the
 * file's path and a function removing it.
 *
 * @example
 * const data = writeMnistFile(await mnistTrain('mlp'));
 * try { await runChild('epoch-child.ts', [..., data.path]); } finally { data.remove(); }
 */
export function writeMnistFile({ x, y }: { x: { values: Float32Array }; y: { values: Float32Array } }): { path: string; remove(): void } {
  const path = join(tmpdir(), `dendrite-bench-mnist-${process.pid}.f32`);
  const all = new Float32Array(x.values.length + y.values.length);
  all.set(x.values);
  all.set(y.values, x.values.length);
  writeFileSync(path, all);
  return { path, remove: () => rmSync(path, { force: true }) };
}

/**
 * The first `rows` images and labels of the file at `path`, as views on one buffer read from it
 * (no copy beyond the read).
 */
export function readMnistFile(path: string, rows: number): { x: Float32Array; y: Float32Array } {
  const bytes = readFileSync(path);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return { x: all.subarray(0, rows * PIXELS), y: all.subarray(MNIST_ROWS * PIXELS, MNIST_ROWS * PIXELS + rows * CLASSES) };
}
