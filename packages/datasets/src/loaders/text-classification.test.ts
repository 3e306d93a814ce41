import { copyFileSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getWordIndex, imdb, reuters } from './text-classification';
import { californiaHousing } from './california-housing';

const FIXTURES = join(__dirname, '../../test/fixtures');
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
