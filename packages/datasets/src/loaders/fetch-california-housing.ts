import { nodeModules } from '@dendrite/backend/internal';
import { maybeGunzip } from '../formats/gzip';
import { readTar } from '../formats/tar';
import { type LoadOptions, candidatePaths, checkLoadOptions, locateFile, readBytes } from '../sources/locate-file';
import type { TabularDataset } from './tabular';

/** StatLib's nine raw columns, as `cal_housing.domain` names them and `cal_housing.data` orders them. */
const RAW_COLUMNS = ['longitude', 'latitude', 'housingMedianAge', 'totalRooms', 'totalBedrooms', 'population', 'households', 'medianIncome', 'medianHouseValue'] as const;

/** scikit-learn's feature names, in its order. */
export const CALIFORNIA_FEATURE_NAMES = ['MedInc', 'HouseAge', 'AveRooms', 'AveBedrms', 'Population', 'AveOccup', 'Latitude', 'Longitude'] as const;

const ARCHIVE = {
  name: 'cal_housing.tgz',
  // scikit-learn's copy of Luís Torgo's archive, with the sha256 scikit-learn checks.
  url: 'https://ndownloader.figshare.com/files/5976036',
  sha256: 'aaa5c9a6afe2225cc2aed2723682ae403280c4a3695a2ddda4ffb5d8215ea681',
};

/** The column order a `.domain` file gives (`longitude: continuous.` per line), checked against StatLib's names. */
function columnsOf(domain: string | undefined, fileName: string): number[] {
  if (domain === undefined) return RAW_COLUMNS.map((_, i) => i);
  const names = domain.split('\n').map((line) => line.split(':')[0].trim()).filter((name) => name !== '');
  const order = RAW_COLUMNS.map((name) => names.indexOf(name));
  if (names.length !== RAW_COLUMNS.length || order.includes(-1)) {
    throw new Error(`Expected the columns ${RAW_COLUMNS.join(', ')} in "${fileName}", received ${names.join(', ')}`);
  }
  return order;
}

/** The raw table from `cal_housing.data` text: rows of nine numbers, as `np.loadtxt(delimiter=',')`. */
function parseRows(text: string, fileName: string): Float64Array[] {
  const rows: Float64Array[] = [];
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l].trim();
    if (line === '') continue;
    const cells = line.split(',');
    const row = Float64Array.from(cells, Number);
    if (cells.length !== RAW_COLUMNS.length || row.some(Number.isNaN)) {
      throw new Error(`Expected ${RAW_COLUMNS.length} comma-separated numbers on line ${l + 1} of "${fileName}", received "${line.slice(0, 80)}"`);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * scikit-learn's derived features from StatLib's raw rows, in float64 as scikit-learn computes
 * them: rooms, bedrooms and occupants per household; the target in units of $100 000.
 */
export function californiaFeatures(rows: Float64Array[], columns: number[] = RAW_COLUMNS.map((_, i) => i)): TabularDataset {
  const [longitude, latitude, age, rooms, bedrooms, population, households, income, value] = columns;
  const x = new Float32Array(rows.length * 8);
  const y = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    x.set([row[income], row[age], row[rooms] / row[households], row[bedrooms] / row[households], row[population], row[population] / row[households], row[latitude], row[longitude]], i * 8);
    y[i] = row[value] / 100000;
  });
  return { x: { values: x, shape: [rows.length, 8] }, y: { values: y, shape: [rows.length] }, featureNames: [...CALIFORNIA_FEATURE_NAMES], targetNames: ['MedHouseVal'] };
}

/** Finds StatLib's extracted `cal_housing.data` (and its `.domain`) where {@link locateFile} looks, without downloading. */
function findExtracted(options: LoadOptions): { data: string; domain?: string } | undefined {
  const { fs, path } = nodeModules('to find California housing');
  const data = candidatePaths('california-housing', { name: 'cal_housing.data' }, options).find((place) => fs.existsSync(place));
  if (!data) return undefined;
  const domain = path.join(path.dirname(data), 'cal_housing.domain');
  return { data, domain: fs.existsSync(domain) ? domain : undefined };
}

/**
 * California housing as scikit-learn's `fetch_california_housing()`: all 20 640 districts (no
 * split), the 8 features `MedInc, HouseAge, AveRooms, AveBedrms, Population, AveOccup, Latitude,
 * Longitude` and the median house value in units of $100 000 (`MedHouseVal`), computed from
 * StatLib's raw columns exactly as scikit-learn does, in float64, then stored as float32.
 *
 * Reads StatLib's `cal_housing.data` (+ `cal_housing.domain`, which names the column order) from a
 * `california-housing` folder of the search folders or the cache, else scikit-learn's
 * `cal_housing.tgz` there, else downloads that archive from scikit-learn's address (sha256
 * checked). Keras 3's `california_housing.npz`, with raw columns and the target in dollars, stays
 * {@link californiaHousing}.
 *
 * @throws TypeError (a rejection) for an unknown option
 * @throws Error naming the file for a row that is not nine numbers or a `.domain` with other columns,
 *   and naming the places looked when neither file is anywhere
 * @example
 * ```ts
 * const { x, y, featureNames } = await fetchCaliforniaHousing({ searchDirs: ['../shared/datasets'] });
 * const { xTrain, xTest, yTrain, yTest } = trainTestSplit(x, y, { seed: 42 }); // Géron's split
 * ```
 */
export async function fetchCaliforniaHousing(options: LoadOptions = {}): Promise<TabularDataset> {
  const load = checkLoadOptions(options, 'fetchCaliforniaHousing');
  const extracted = findExtracted(load);
  if (extracted) {
    const decode = (file: string) => new TextDecoder().decode(readBytes(file));
    const columns = columnsOf(extracted.domain && decode(extracted.domain), extracted.domain ?? '');
    return californiaFeatures(parseRows(decode(extracted.data), extracted.data), columns);
  }
  let archivePath: string;
  try {
    archivePath = await locateFile('california-housing', ARCHIVE, load);
  } catch (error) {
    throw new Error(`${(error as Error).message} StatLib's extracted cal_housing.data and cal_housing.domain in the same folder work too.`);
  }
  const files = readTar(maybeGunzip(readBytes(archivePath), archivePath, load.limits), archivePath);
  const data = files.get('CaliforniaHousing/cal_housing.data');
  if (!data) throw new Error(`Expected "CaliforniaHousing/cal_housing.data" in "${archivePath}", received ${[...files.keys()].join(', ') || 'no files'}`);
  const domain = files.get('CaliforniaHousing/cal_housing.domain');
  const columns = columnsOf(domain && new TextDecoder().decode(domain), `${archivePath}:CaliforniaHousing/cal_housing.domain`);
  return californiaFeatures(parseRows(new TextDecoder().decode(data), `${archivePath}:CaliforniaHousing/cal_housing.data`), columns);
}
