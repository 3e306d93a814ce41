/**
 * What the fuzz child runs (against src/, through vite-node): writes one valid file set per format
 * (the seeds), and loads a set of files with the reader Dendrite uses for that format, returning a
 * digest of what was read (shapes and a hash of the values) — or throwing what the reader threw.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { readZip, writeZip } from '@dendrite/backend/internal';
import { loadImage } from '@dendrite/augment';
import { encodeIdx, maybeGunzip, parseCifarBinary, parseCifarPickle, parseIdx, parseNpy, parseNpz, parseNumericCsv, readTar } from '@dendrite/datasets';
import { dense } from '@dendrite/layers';
import { loadModel, saveModel, sequential } from '@dendrite/models';
import { writeBmp, writeJpeg, writePng } from '../../../packages/augment/src/testing/write-images';
import { pythonTwoCifarBatch } from '../../../packages/datasets/src/testing/cifar-pickle';
import { writeTar } from '../../../packages/datasets/src/testing/write-tar';
import { FORMATS, type FormatName } from './formats';

/** What a load gave: a canonical text of shapes and value hashes, equal for equal data. */
export interface LoadDigest {
  digest: string;
}

/** A seed: the files of one valid set, the digest of loading them, and where values lie in each file. */
export interface Seed extends LoadDigest {
  format: FormatName;
  files: string[];
  /** Per file, `[start, end)` byte ranges holding array values (a change there is a different, valid file). */
  payload: Record<string, Array<[number, number]>>;
}

const hash = (bytes: ArrayBufferView) => createHash('sha256').update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).digest('hex').slice(0, 16);

/** Sets up the child: the cpu backend (no wasm start-up per child), a fixed seed. */
export async function prepare(): Promise<void> {
  await selectBackend({ prefer: 'cpu' });
  setSeed(7);
}

/** The child's peak resident memory since the last call (Linux), in bytes; 0 where unknown. */
export function peakRss(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    writeFileSync('/proc/self/clear_refs', '5');
    return peak;
  } catch {
    return process.memoryUsage().rss;
  }
}

/** Every `[start, end)` where `needle` occurs in `haystack`. */
function rangesOf(haystack: Uint8Array, needle: Uint8Array): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // Short or constant needles (zero biases) would match anywhere.
  if (needle.length < 8 || needle.every((byte) => byte === needle[0])) return ranges;
  outer: for (let i = haystack.indexOf(needle[0]); i >= 0 && i + needle.length <= haystack.length; i = haystack.indexOf(needle[0], i + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    ranges.push([i, i + needle.length]);
  }
  return ranges;
}

const pixel = (x: number, y: number): [number, number, number, number] => [(x * 37 + y * 11) & 255, (x * 5 + y * 53) & 255, (x * y * 7) & 255, 255];

/** A little model of two Dense layers, weights from the fixed seed. */
function smallModel() {
  const model = sequential({ layers: [dense({ units: 4, activation: 'relu', inputShape: [3] }), dense({ units: 2 })] });
  model.compile({ optimizer: 'sgd', loss: 'mse' });
  // No constant weight (a zero bias): every weight's bytes can be found in the files as a payload range.
  const initial = model.getWeights();
  const distinct = tf.tidy(() => initial.map((weight, k) => tf.add(weight, tf.reshape(tf.linspace(0.1 * (k + 1), 0.2 * (k + 1), weight.size), weight.shape))));
  model.setWeights(distinct);
  tf.dispose([...initial, ...distinct]);
  return model;
}

/** The weights of a model as one byte array each, for finding them in a file. */
function weightBytes(model: ReturnType<typeof smallModel>): Uint8Array[] {
  return model.getWeights().map((weight) => {
    const values = weight.dataSync() as Float32Array;
    return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  });
}

/** The digest of a loaded model: its weights and its prediction on a fixed input. */
function modelDigest(model: Awaited<ReturnType<typeof loadModel>>): string {
  const weights = model.getWeights().map((weight) => `${weight.shape.join('x')}:${hash(weight.dataSync() as Float32Array)}`);
  const prediction = tf.tidy(() => {
    const output = model.predict(tf.tensor2d([[0.5, -1, 2]]), { verbose: 0 }) as tf.Tensor;
    return `${output.shape.join('x')}:${hash(output.dataSync() as Float32Array)}`;
  });
  return `weights ${weights.join(' ')} predicts ${prediction}`;
}

/**
 * Writes a valid file set for every format under `dir/<format>/` and returns the seeds.
 *
 * @returns one seed per format, with the digest its loader gives
 */
export async function writeSeeds(dir: string): Promise<Seed[]> {
  const seeds: Seed[] = [];
  const model = smallModel();
  const weights = weightBytes(model);
  const images: Record<string, Uint8Array> = { 'image.png': writePng(7, 5, pixel), 'image.jpg': writeJpeg(16, 8, pixel), 'image.bmp': writeBmp(7, 5, pixel) };
  const ppmPixels = Uint8Array.from({ length: 7 * 5 * 3 }, (_, i) => (i * 29) & 255);
  images['image.ppm'] = new Uint8Array([...new TextEncoder().encode('P6\n7 5\n255\n'), ...ppmPixels]);
  const idxValues = Uint8Array.from({ length: 6 * 4 * 4 }, (_, i) => (i * 13) & 255);
  const idx = encodeIdx(idxValues, [6, 4, 4]);
  const npyValues = new Float32Array(Array.from({ length: 12 }, (_, i) => i * 0.25 - 1));
  const npy = npyFile('<f4', [3, 4], new Uint8Array(npyValues.buffer));
  const cifarPixels = Uint8Array.from({ length: 2 * 3072 }, (_, i) => (i * 7 + (i >> 5)) & 255);
  const cifarBinary = new Uint8Array(2 * 3073);
  [3, 8].forEach((label, n) => {
    cifarBinary[n * 3073] = label;
    cifarBinary.set(cifarPixels.subarray(n * 3072, (n + 1) * 3072), n * 3073 + 1);
  });
  const sets: Record<FormatName, Record<string, Uint8Array>> = {
    keras: {},
    h5: {},
    'model-json': {},
    dndr: {},
    idx: { 'images-idx3-ubyte': idx },
    'idx-gz': { 'images-idx3-ubyte.gz': new Uint8Array(gzipSync(idx)) },
    npy: { 'array.npy': npy },
    npz: { 'arrays.npz': writeZip([['x.npy', npy], ['y.npy', npyFile('<i4', [3], new Uint8Array(new Int32Array([1, 0, 2]).buffer))]]) },
    'npz-deflated': { 'arrays.npz': deflatedZip('x.npy', npy) },
    'cifar-pickle': { data_batch_1: pythonTwoCifarBatch(cifarPixels, { labels: [3, 8] }) },
    'cifar-binary': { 'data_batch_1.bin': cifarBinary },
    'cifar-tar-gz': { 'cifar-10-python.tar.gz': new Uint8Array(gzipSync(writeTar([['cifar-10-batches-py/data_batch_1', pythonTwoCifarBatch(cifarPixels, { labels: [3, 8] })]]))) },
    csv: { 'table.csv': new TextEncoder().encode('3,2,a,b\nx1,x2,target\n5.1,3.5,0\n4.9,3.0,1\n6.2,2.9,1\n') },
    png: { 'image.png': images['image.png'] },
    jpeg: { 'image.jpg': images['image.jpg'] },
    bmp: { 'image.bmp': images['image.bmp'] },
    ppm: { 'image.ppm': images['image.ppm'] },
  };
  for (const format of Object.keys(FORMATS) as FormatName[]) {
    const folder = join(dir, format);
    mkdirSync(folder, { recursive: true });
    if (FORMATS[format].model) await saveModel(model, join(folder, FORMATS[format].files[0]));
    for (const [name, bytes] of Object.entries(sets[format])) writeFileSync(join(folder, name), bytes);
    const payload: Seed['payload'] = {};
    const loaded = FORMATS[format].files[0];
    const files = [loaded, ...readdirSync(folder).filter((name) => name !== loaded).sort()];
    for (const name of files) {
      const bytes = new Uint8Array(readFileSync(join(folder, name)));
      const needles = FORMATS[format].model ? weights : format === 'idx' ? [idxValues] : format === 'npy' ? [new Uint8Array(npyValues.buffer)] : format.startsWith('cifar') ? [cifarPixels] : format === 'ppm' ? [ppmPixels] : [];
      payload[name] = needles.flatMap((needle) => rangesOf(bytes, needle));
      if (format === 'cifar-binary') payload[name] = [[0, bytes.length]];
      // The batch label ("training batch 1 of 5") is text the reader passes over: a change there cannot alter the data.
      if (format === 'cifar-pickle') for (const text of ['training batch 1 of 5', 'batch_label']) payload[name].push(...rangesOf(bytes, new TextEncoder().encode(text)));
    }
    seeds.push({ format, files, payload, ...(await loadCase(format, folder)) });
  }
  return seeds;
}

/** A ZIP of one deflated entry, as `numpy.savez_compressed` writes it (writeZip only stores). */
function deflatedZip(name: string, data: Uint8Array): Uint8Array {
  const stored = writeZip([[name, data]]);
  const compressed = new Uint8Array(deflateRawSync(data));
  const nameLength = name.length;
  const local = stored.slice(0, 30 + nameLength);
  const central = stored.slice(30 + nameLength + data.length, stored.length - 22);
  const end = stored.slice(stored.length - 22);
  for (const [header, at] of [[local, 8], [central, 10]] as const) new DataView(header.buffer).setUint16(at, 8, true);
  new DataView(local.buffer).setUint32(18, compressed.length, true);
  new DataView(central.buffer).setUint32(20, compressed.length, true);
  new DataView(end.buffer).setUint32(16, local.length + compressed.length, true);
  const out = new Uint8Array(local.length + compressed.length + central.length + end.length);
  out.set(local);
  out.set(compressed, local.length);
  out.set(central, local.length + compressed.length);
  out.set(end, local.length + compressed.length + central.length);
  return out;
}

/** A version 1.0 `.npy` file. */
function npyFile(descr: string, shape: number[], body: Uint8Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const text = new TextEncoder().encode(header);
  const bytes = new Uint8Array(10 + text.length + body.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, text.length & 255, text.length >> 8]);
  bytes.set(text, 10);
  bytes.set(body, 10 + text.length);
  return bytes;
}

const arrayDigest = (shape: readonly number[], values: ArrayBufferView | unknown[]) =>
  `${shape.join('x')}:${Array.isArray(values) ? hash(new TextEncoder().encode(JSON.stringify(values))) : hash(values)}`;

/**
 * Loads the files of `format` in `dir` with Dendrite's reader for it.
 *
 * @returns the digest of what was read
 * @throws whatever the reader throws
 */
export async function loadCase(format: FormatName, dir: string): Promise<LoadDigest> {
  const file = join(dir, FORMATS[format].files[0]);
  const read = () => new Uint8Array(readFileSync(file));
  switch (format) {
    case 'keras':
    case 'h5':
    case 'dndr':
    case 'model-json': {
      const model = await loadModel(file);
      try {
        return { digest: modelDigest(model) };
      } finally {
        model.dispose?.();
      }
    }
    case 'idx':
    case 'idx-gz': {
      const array = parseIdx(maybeGunzip(read(), file), file);
      return { digest: arrayDigest(array.shape, array.values) };
    }
    case 'npy': {
      const array = parseNpy(read(), file);
      return { digest: arrayDigest(array.shape, array.values) };
    }
    case 'npz':
    case 'npz-deflated': {
      const arrays = parseNpz(readZip(read(), file), file);
      return { digest: [...arrays].map(([name, array]) => `${name}=${arrayDigest(array.shape, array.values)}`).join(' ') };
    }
    case 'cifar-pickle':
    case 'cifar-binary': {
      const batch = format === 'cifar-binary' ? parseCifarBinary(read(), ['labels'], file) : parseCifarPickle(read(), ['labels'], file);
      return { digest: `${batch.count} ${arrayDigest([batch.count, 32, 32, 3], batch.images)} labels ${Array.from(batch.labels.labels).join(',')}` };
    }
    case 'cifar-tar-gz': {
      const files = readTar(maybeGunzip(read(), file), file);
      const entry = files.get('cifar-10-batches-py/data_batch_1');
      if (entry === undefined) throw new Error(`Expected cifar-10-batches-py/data_batch_1 in "${file}", received ${[...files.keys()].join(', ') || 'no files'}`);
      const batch = parseCifarPickle(entry, ['labels'], `${file}:data_batch_1`);
      return { digest: `${batch.count} ${arrayDigest([batch.count, 32, 32, 3], batch.images)} labels ${Array.from(batch.labels.labels).join(',')}` };
    }
    case 'csv': {
      const rows = parseNumericCsv(new TextDecoder().decode(read()), file);
      return { digest: `${rows.length}x${rows[0].length}:${JSON.stringify(rows)}` };
    }
    default: {
      const image = loadImage(file, { colorMode: 'rgb' });
      return { digest: arrayDigest(image.shape, image.values) };
    }
  }
}
