import { copyFileSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { sharedFolderPresent } from '@dendrite/test-utils';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getWordIndex, imdb, reuters } from './text-classification';
import { californiaHousing } from './california-housing';
import { decodeSequence } from '../utils/decode-sequence';
import type { LoadOptions } from '../sources/locate-file';

const FIXTURES = join(__dirname, '../../test/fixtures');
const SHARED = join(__dirname, '../../../../../shared/datasets');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cache folder holding a fixture under the name a loader looks for. */
function cacheWith(dataset: string, fixture: string, name: string): string {
  const cacheDir = mkdtempSync(join(tmpdir(), 'dendrite-text-'));
  dirs.push(cacheDir);
  mkdirSync(join(cacheDir, dataset));
  copyFileSync(join(FIXTURES, fixture), join(cacheDir, dataset, name));
  return cacheDir;
}

describe('imdb and reuters from their real npz layout', () => {
  it('shifts indices, marks starts, caps the vocabulary and keeps labels with their reviews', async () => {
    const cacheDir = cacheWith('imdb', 'imdb-like.npz', 'imdb.npz');
    const { train, test } = await imdb({ cacheDir, download: false });
    expect(train.x).toHaveLength(6);
    expect(test.x).toHaveLength(4);
    for (const sequence of [...train.x, ...test.x]) expect(sequence[0]).toBe(1);
    const all = [...train.x, ...test.x].flatMap((s) => Array.from(s.subarray(1)));
    // Raw indices ≥ 1 shifted by 3; the largest becomes out-of-vocabulary (2), as Keras's `w < num_words`.
    for (const w of all) expect(w === 2 || w >= 4).toBe(true);
    const capped = await imdb({ cacheDir, download: false, numWords: 10 });
    for (const s of capped.train.x) for (const w of s) expect(w === 2 || w < 10).toBe(true);
    const short = await imdb({ cacheDir, download: false, maxlen: 6 });
    for (const s of short.train.x) expect(s.length).toBeLessThanOrEqual(6);
    expect(new Set(train.y)).toEqual(new Set([0, 1]));
  });

  it("orders reviews as Keras's RandomState(113) does: train, then test from the same stream", async () => {
    const cacheDir = cacheWith('imdb', 'imdb-like.npz', 'imdb.npz');
    const { train, test } = await imdb({ cacheDir, download: false });
    // NumPy: permutation(6) = [1, 0, 3, 2, 4, 5], then permutation(4) = [0, 1, 3, 2] of the fixture's
    // y_train [0, 1, 0, 1, 1, 0] and test reviews of lengths [7, 8, 7, 5] (+1 for the start mark).
    expect(Array.from(train.y)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(test.x.map((s) => s.length)).toEqual([8, 9, 6, 8]);
  });

  it('drops long reviews before numWords defaults to the largest index left, as Keras', async () => {
    const cacheDir = cacheWith('imdb', 'imdb-like.npz', 'imdb.npz');
    const { train, test } = await imdb({ cacheDir, download: false, maxlen: 6 });
    // The kept reviews' largest index is 29 (32 only in dropped ones): 29 ≥ num_words becomes 2.
    expect(train.x.map((s) => Array.from(s))).toEqual([[1, 28, 20, 4, 26, 25], [1, 15, 4, 4, 7, 4]]);
    expect(test.x.map((s) => Array.from(s))).toEqual([[1, 12, 16, 18, 24, 2]]);
  });

  it('splits reuters after a seeded shuffle, repeatably', async () => {
    const cacheDir = cacheWith('reuters', 'reuters.npz', 'reuters.npz');
    const first = await reuters({ cacheDir, download: false });
    const again = await reuters({ cacheDir, download: false });
    expect(first.train.x).toHaveLength(8);
    expect(first.test.x).toHaveLength(2);
    expect(Array.from(again.train.y)).toEqual(Array.from(first.train.y));
  });

  it('reads the word index and California housing', async () => {
    const words = await getWordIndex('imdb', { cacheDir: cacheWith('imdb', 'imdb_word_index.json', 'imdb_word_index.json'), download: false });
    expect(words.get('film')).toBe(19);
    const same = await imdb.getWordIndex({ cacheDir: cacheWith('imdb', 'imdb_word_index.json', 'imdb_word_index.json'), download: false });
    expect(same).toEqual(words);
    const { train, test } = await californiaHousing({ cacheDir: cacheWith('california-housing', 'california-like.npz', 'california_housing.npz'), download: false });
    expect(train.x.shape).toEqual([4, 8]);
    expect(test.x.shape).toEqual([1, 8]);
  });

  it('says where it looked and how to provide the file when offline, writing nothing', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'dendrite-text-'));
    dirs.push(cacheDir);
    await expect(imdb({ cacheDir, download: false })).rejects.toThrow(
      new RegExp(`Expected the imdb file "imdb.npz" in one of: ${cacheDir}/imdb/imdb.npz, .*\\.keras/datasets/imdb.npz.*Provide it by copying the file to ${cacheDir}/imdb/imdb.npz`),
    );
    expect(existsSync(join(cacheDir, 'imdb'))).toBe(false);
  });
});

describe.runIf(sharedFolderPresent(SHARED))("Keras's real reuters.npz and word indices in shared/datasets", () => {
  const load: LoadOptions = { searchDirs: [SHARED], download: false };
  let wires: Awaited<ReturnType<typeof reuters>>;
  beforeAll(async () => {
    wires = await reuters(load);
  });

  it("splits 11 228 wires 8 982 / 2 246 with Keras's labels, counts and first newswire", () => {
    const { train, test } = wires;
    expect([train.x.length, test.x.length]).toEqual([8982, 2246]);
    // Replayed with NumPy: RandomState(113).shuffle, start_char 1, index_from 3, test_split 0.2.
    expect(Array.from(train.y.subarray(0, 10))).toEqual([3, 4, 3, 4, 4, 4, 4, 3, 3, 16]);
    expect(Array.from(train.x[0].subarray(0, 15))).toEqual([1, 27595, 28842, 8, 43, 10, 447, 5, 25, 207, 270, 5, 3095, 111, 16]);
    const counts = new Array(46).fill(0);
    for (const label of [...train.y, ...test.y]) counts[label]++;
    expect(counts.slice(0, 6)).toEqual([67, 537, 94, 3972, 2423, 22]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(11228);
    expect(Math.min(...counts)).toBe(16);
  });

  it('decodes the first newswire with reuters.getWordIndex() and reads the imdb word index', async () => {
    const words = await reuters.getWordIndex(load);
    expect(words.size).toBe(30979);
    expect([words.get('the'), words.get('of'), words.get('to')]).toEqual([1, 2, 3]);
    const text = decodeSequence(wires.train.x[0], words);
    expect(text.startsWith('[START] mcgrath rentcorp said as a result of its december acquisition of space co it expects earnings per share')).toBe(true);
    expect(text.endsWith('it said cash flow per share this year should be 2 50 to three dlrs reuter 3')).toBe(true);
    const imdbWords = await imdb.getWordIndex(load);
    expect([imdbWords.size, imdbWords.get('the'), imdbWords.get('and')]).toEqual([88584, 1, 2]);
  });
});
