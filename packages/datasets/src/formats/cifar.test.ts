import { describe, expect, it } from 'vitest';
import { pythonTwoCifarBatch } from '../testing/cifar-pickle';
import { parseCifarBinary, parseCifarPickle } from './cifar';

const pixels = Uint8Array.from({ length: 2 * 3072 }, (_, i) => i & 255);

/** Two CIFAR-10 binary records with these labels. */
function binary(labels: [number, number]): Uint8Array {
  const bytes = new Uint8Array(2 * 3073);
  labels.forEach((label, n) => {
    bytes[n * 3073] = label;
    bytes.set(pixels.subarray(n * 3072, (n + 1) * 3072), n * 3073 + 1);
  });
  return bytes;
}

describe('CIFAR readers on damaged labels', () => {
  it('read labels inside their classes', () => {
    expect(Array.from(parseCifarBinary(binary([3, 9]), ['labels'], 'a.bin').labels.labels)).toEqual([3, 9]);
    expect(Array.from(parseCifarPickle(pythonTwoCifarBatch(pixels, { labels: [0, 9] }), ['labels'], 'a').labels.labels)).toEqual([0, 9]);
  });

  it('refuse a label outside the classes of its kind, naming file and image', () => {
    expect(() => parseCifarBinary(binary([3, 200]), ['labels'], 'b.bin')).toThrow('Expected "labels" in [0, 9] in "b.bin", received 200 for image 1');
    expect(() => parseCifarPickle(pythonTwoCifarBatch(pixels, { labels: [12, 1] }), ['labels'], 'p')).toThrow('Expected "labels" in [0, 9] in "p", received 12 for image 0');
  });

  it('refuses a pickle whose reconstruct function is misnamed (it would not import in Python)', () => {
    const bytes = pythonTwoCifarBatch(pixels, { labels: [0, 1] });
    const at = new TextDecoder('latin1').decode(bytes).indexOf('numpy.core');
    bytes[at + 'numpy.cor'.length] = 0xe5;
    expect(() => parseCifarPickle(bytes, ['labels'], 'm')).toThrow(/^Expected a pickled NumPy array under "data" in "m", received "numpy\.cor.\.multiarray\._reconstruct"/);
  });
});
