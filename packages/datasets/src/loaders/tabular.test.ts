import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { skipWithoutSharedFolder } from '@dendrite/test-utils';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bostonHousing, digits, iris } from './tabular';
import { kFold, normalize, trainTestSplit } from '../utils/split';

const SHARED = join(__dirname, '../../../../../shared/datasets');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('tabular data sets', () => {
  it('reads an sklearn-style CSV from the cache, names a malformed one', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'dendrite-tab-'));
    dirs.push(cacheDir);
    const folder = join(cacheDir, 'sklearn-small');
    require('node:fs').mkdirSync(folder);
    writeFileSync(join(folder, 'iris.csv'), '3,2,a,b\n1.5,2,0\n3,4.5,1\n5,6,1\n');
    const table = await iris({ cacheDir, download: false });
    expect(table.x.shape).toEqual([3, 2]);
    expect(Array.from(table.y.values)).toEqual([0, 1, 1]);
    expect(table.targetNames).toEqual(['a', 'b']);
    writeFileSync(join(folder, 'iris.csv'), '3,2,a,b\n1,2,0\n3,4\n');
    await expect(iris({ cacheDir, download: false })).rejects.toThrow(/Expected 3 values on every row of ".*iris.csv", received 2 on line 3/);
  });

  it('loads iris, digits and Boston housing from shared/datasets', async (context) => {
    skipWithoutSharedFolder(context, SHARED);
    const flowers = await iris({ searchDirs: [SHARED], download: false });
    expect(flowers.x.shape).toEqual([150, 4]);
    expect(flowers.targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect((await digits({ searchDirs: [SHARED], download: false })).x.shape).toEqual([1797, 64]);
    const { train, test } = await bostonHousing({ searchDirs: [SHARED], download: false });
    expect(train.x.shape).toEqual([404, 13]);
    expect(test.x.shape).toEqual([102, 13]);
    const again = await bostonHousing({ searchDirs: [SHARED], download: false });
    expect(Array.from(again.test.y.values)).toEqual(Array.from(test.y.values));
  });
});

describe('split utilities', () => {
  const x = { values: Float32Array.from({ length: 20 }, (_, i) => i), shape: [10, 2] };
  const y = { values: Int32Array.from({ length: 10 }, (_, i) => i), shape: [10] };

  it('splits train and test with rows kept together, repeatably', () => {
    const a = trainTestSplit(x, y, { testSize: 0.3, seed: 1 });
    expect(a.xTest.shape).toEqual([3, 2]);
    a.yTest.values.forEach((label, i) => expect(a.xTest.values[i * 2]).toBe(label * 2));
    expect(Array.from(trainTestSplit(x, y, { testSize: 0.3, seed: 1 }).yTest.values)).toEqual(Array.from(a.yTest.values));
    expect(() => trainTestSplit(x, { values: new Int32Array(3), shape: [3] })).toThrow('Expected x and y to have the same number of samples, received 10 and 3');
  });

  it('refuses a trainTestSplit option it does not read (scikit-learn’s random_state is seed)', () => {
    // `test_size` used to be dropped: a 25 % split instead of the half asked for.
    expect(() => trainTestSplit(x, y, { test_size: 0.5 } as never)).toThrow('Unknown option "test_size" in trainTestSplit: did you mean "testSize"?');
    expect(() => trainTestSplit(x, y, { random_state: 0 } as never)).toThrow(/^Unknown option "random_state" in trainTestSplit; expected one of "seed", "shuffle", "testSize"$/);
    expect(() => trainTestSplit(x, y, { testSize: '0.5' } as never)).toThrow('Expected testSize to be a number in trainTestSplit, received "0.5"');
  });

  it('makes seed 004’s k folds and standardizes by the training statistics', () => {
    const folds = kFold(8, 4);
    expect(folds.map((f) => Array.from(f.validation))).toEqual([[0, 1], [2, 3], [4, 5], [6, 7]]);
    expect(Array.from(folds[1].train)).toEqual([0, 1, 4, 5, 6, 7]);
    expect(() => kFold(3, 4)).toThrow('Expected k to be an integer in [2, 3], received 4');
    const scaled = normalize({ values: Float32Array.from([1, 10, 3, 30]), shape: [2, 2] });
    expect(Array.from(scaled.values)).toEqual([-1, -1, 1, 1]);
  });
});
