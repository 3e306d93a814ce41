import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedFolderPresent } from '@dendrite/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTar } from '../testing/write-tar';
import { trainTestSplit } from '../utils/split';
import { fetchCaliforniaHousing } from './fetch-california-housing';

const SHARED = join(__dirname, '../../../../../shared/datasets');
const DOMAIN = 'longitude: continuous.\nlatitude: continuous.\nhousingMedianAge: continuous. \ntotalRooms: continuous. \ntotalBedrooms: continuous. \npopulation: continuous. \nhouseholds: continuous. \nmedianIncome: continuous. \nmedianHouseValue: continuous.';
// StatLib's first two districts.
const ROWS = '-122.230000,37.880000,41.000000,880.000000,129.000000,322.000000,126.000000,8.325200,452600.000000\n-122.220000,37.860000,21.000000,7099.000000,1106.000000,2401.000000,1138.000000,8.301400,358500.000000\n';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-california-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'california-housing'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'california-housing', name), content);
  return dir;
}

describe('fetchCaliforniaHousing', () => {
  it("derives scikit-learn's 8 features and the target in $100 000 from StatLib's columns", async () => {
    const { x, y, featureNames, targetNames } = await fetchCaliforniaHousing({ searchDirs: [folderWith({ 'cal_housing.data': ROWS, 'cal_housing.domain': DOMAIN })], download: false });
    expect(featureNames).toEqual(['MedInc', 'HouseAge', 'AveRooms', 'AveBedrms', 'Population', 'AveOccup', 'Latitude', 'Longitude']);
    expect(targetNames).toEqual(['MedHouseVal']);
    expect(x.shape).toEqual([2, 8]);
    // 880 / 126 rooms, 129 / 126 bedrooms, 322 / 126 occupants per household.
    const first = [8.3252, 41, 880 / 126, 129 / 126, 322, 322 / 126, 37.88, -122.23];
    Array.from(x.values.subarray(0, 8)).forEach((value, i) => expect(value).toBeCloseTo(first[i], 5));
    expect(Array.from(y.values)).toEqual([Math.fround(4.526), Math.fround(3.585)]);
  });

  it("reads scikit-learn's cal_housing.tgz, following the column order its .domain names", async () => {
    // The same rows with latitude and longitude swapped, as a .domain that says so.
    const swapped = ROWS.split('\n').filter(Boolean).map((line) => { const c = line.split(','); return [c[1], c[0], ...c.slice(2)].join(','); }).join('\n');
    const domain = DOMAIN.replace('longitude: continuous.\nlatitude: continuous.', 'latitude: continuous.\nlongitude: continuous.');
    const encode = (text: string) => new TextEncoder().encode(text);
    const archive = gzipSync(writeTar([['CaliforniaHousing/cal_housing.data', encode(swapped)], ['CaliforniaHousing/cal_housing.domain', encode(domain)]]));
    const { x } = await fetchCaliforniaHousing({ searchDirs: [folderWith({ 'cal_housing.tgz': archive })], download: false });
    expect(Array.from(x.values.subarray(6, 8))).toEqual([Math.fround(37.88), Math.fround(-122.23)]);
  });

  it('names the file and line of a broken row, and where it looked when nothing is there', async () => {
    await expect(fetchCaliforniaHousing({ searchDirs: [folderWith({ 'cal_housing.data': '1,2,3\n' })], download: false })).rejects.toThrow(/Expected 9 comma-separated numbers on line 1 of ".*cal_housing.data", received "1,2,3"/);
    const empty = folderWith({});
    await expect(fetchCaliforniaHousing({ searchDirs: [empty], cacheDir: empty, download: false })).rejects.toThrow(/Expected the california-housing file "cal_housing.tgz" in one of: .*cal_housing.data and cal_housing.domain in the same folder work too/);
    await expect(fetchCaliforniaHousing({ data_home: empty } as never)).rejects.toThrow(TypeError);
  });

  it.runIf(sharedFolderPresent(SHARED))("matches scikit-learn's documented means on StatLib's real file, and Géron's split sizes", async () => {
    const { x, y } = await fetchCaliforniaHousing({ searchDirs: [SHARED], download: false });
    expect(x.shape).toEqual([20640, 8]);
    const mean = (column: number) => { let sum = 0; for (let r = 0; r < 20640; r++) sum += x.values[r * 8 + column]; return sum / 20640; };
    expect(mean(0)).toBeCloseTo(3.8707, 4); // MedInc
    expect(mean(2)).toBeCloseTo(5.429, 4); // AveRooms
    expect(mean(5)).toBeCloseTo(3.0707, 4); // AveOccup
    expect(Array.from(y.values).reduce((a, b) => a + b, 0) / 20640).toBeCloseTo(2.0686, 4);
    // X_train_full, X_test = train_test_split(data, target, random_state=42); X_train, X_valid = … (X_train_full, y_train_full, random_state=42)
    const full = trainTestSplit(x, y as typeof x, { seed: 42 });
    const valid = trainTestSplit(full.xTrain, full.yTrain, { seed: 42 });
    expect([valid.xTrain.shape[0], valid.xTest.shape[0], full.xTest.shape[0]]).toEqual([11610, 3870, 5160]);
    // The rows scikit-learn picks: NumPy's RandomState(42).permutation(20640) starts 20046, 3024, …
    expect(Array.from(full.xTest.values.subarray(0, 8))).toEqual(Array.from(x.values.subarray(20046 * 8, 20047 * 8)));
    expect(Array.from(valid.xTest.values.subarray(0, 8))).toEqual(Array.from(x.values.subarray(10919 * 8, 10920 * 8)));
    expect(Array.from(valid.xTrain.values.subarray(0, 8))).toEqual(Array.from(x.values.subarray(16860 * 8, 16861 * 8)));
  });
});
