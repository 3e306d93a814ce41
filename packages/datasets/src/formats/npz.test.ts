import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '@dendrite/backend/internal';
import { parseNpy, parseNpz } from './npy';
import { unpickle } from './pickle';

const FIXTURES = join(__dirname, '../../test/fixtures');

describe('npz, npy and pickle', () => {
  it('reads a NumPy-written npz of pickled object arrays (the imdb/reuters layout)', () => {
    const file = join(FIXTURES, 'imdb-like.npz');
    const arrays = parseNpz(readZip(new Uint8Array(readFileSync(file)), file), file);
    expect([...arrays.keys()].sort()).toEqual(['x_test', 'x_train', 'y_test', 'y_train']);
    const x = arrays.get('x_train')!;
    expect(x.dtype).toBe('object');
    expect(x.shape).toEqual([6]);
    expect((x.values as number[][]).slice(0, 2)).toEqual([[19, 15, 8, 9, 2, 3, 1, 6], [19, 27, 15, 18, 29, 22, 19]]);
    expect(Array.from(arrays.get('y_train')!.values as BigInt64Array, Number)).toEqual([0, 1, 0, 1, 1, 0]);
  });

  it('reads a compressed npz of float arrays', () => {
    const file = join(FIXTURES, 'california-like.npz');
    const arrays = parseNpz(readZip(new Uint8Array(readFileSync(file)), file), file);
    expect(arrays.get('x')!.shape).toEqual([5, 8]);
    expect(arrays.get('x')!.values).toBeInstanceOf(Float64Array);
    expect(arrays.get('y')!.values).toBeInstanceOf(Float32Array);
  });

  it('names a truncated or corrupt file and the field that failed', () => {
    const file = join(FIXTURES, 'imdb-like.npz');
    const bytes = new Uint8Array(readFileSync(file));
    expect(() => readZip(bytes.subarray(0, 200), 'cut.npz')).toThrow('Expected a ZIP archive in "cut.npz", received no end-of-central-directory record (truncated or not a ZIP)');
    expect(() => parseNpy(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 'x.npy')).toThrow('Expected a .npy array in "x.npy", received no \\x93NUMPY magic');
    expect(() => unpickle(Uint8Array.from([0x80, 0x02, 0x4b]), 'p.pkl')).toThrow(/received a truncated stream/);
    expect(() => unpickle(Uint8Array.from([0x80, 0x02, 0x01]), 'p.pkl')).toThrow('Expected a pickle stream in "p.pkl", received opcode 0x1, which this reader does not support at byte 3');
  });

  it('never runs code: a pickled call stays an inert record', () => {
    // GLOBAL os.system, then a tuple with one string, then REDUCE, STOP.
    const text = new TextEncoder().encode('cos\nsystem\n');
    const bytes = Uint8Array.from([0x80, 0x02, ...text, 0x8c, 2, 0x6c, 0x73, 0x85, 0x52, 0x2e]);
    expect(unpickle(bytes, 'evil.pkl')).toEqual({ global: 'os.system', args: ['ls'] });
  });
});
