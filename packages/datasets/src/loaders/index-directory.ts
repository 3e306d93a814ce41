import { random } from '@dendrite/backend';
import { checkBoolean, checkInteger, checkNumber, checkOneOf, describeValue, inInterval, nodeModules } from '@dendrite/backend/internal';
import { NumpyRandomState } from '../utils/numpy-random-state';

/** How directory loaders give labels, as Keras's `label_mode`. */
export type DirectoryLabelMode = 'int' | 'categorical' | 'binary' | null;

/** Which part of a split a directory loader returns, as Keras's `subset`. */
export type DirectorySubset = 'training' | 'validation' | 'both';

/** Options every directory loader takes, as Keras's `*_dataset_from_directory`. */
export interface DirectoryLoaderOptions {
  /** `int` (default), `categorical` (one-hot), `binary` (two classes, 0/1 floats) or null (no labels). */
  labelMode?: DirectoryLabelMode;
  /** Class folder names in label order (default: every sub-folder, sorted). */
  classNames?: string[] | null;
  /** Samples per batch (32); null for unbatched samples. */
  batchSize?: number | null;
  /** Shuffle files (NumPy's RandomState with `seed`, as Keras) and batches each pass (true). */
  shuffle?: boolean;
  /** The shuffling seed; required with `validationSplit` and `shuffle`. */
  seed?: number | null;
  /** The fraction kept for validation, taken from the end of the (shuffled) files. */
  validationSplit?: number | null;
  /** `training`, `validation` or `both` (a pair), with `validationSplit`. */
  subset?: DirectorySubset | null;
  /** Follow symbolic links to folders (false). */
  followLinks?: boolean;
}

/** The files of a class-folder tree, shuffled and split as Keras's `index_directory`. */
export interface DirectoryIndex {
  classNames: string[];
  /** `[files, labels]` per returned subset: one pair, or two for `subset: 'both'`. */
  parts: Array<{ files: string[]; labels: number[] }>;
}

/**
 * Keras's `index_directory` + `get_training_or_validation_split`: classes are the sorted
 * sub-folders (or `classNames`); each class's files with an allowed extension, walked in sorted
 * order; files and labels shuffled by `RandomState(seed)` as Keras; the last
 * `⌊validationSplit · n⌋` files are the validation subset.
 *
 * @throws TypeError / RangeError naming `owner` for a bad option; Error for a missing folder,
 *   `binary` without exactly two classes, or `validationSplit` + `shuffle` without a seed
 */
export function indexDirectory(directory: string, extensions: readonly string[], options: DirectoryLoaderOptions, owner: string): DirectoryIndex {
  const { fs, path } = nodeModules(`to read the folder of ${owner}`);
  if (typeof directory !== 'string') throw new TypeError(`Expected directory to be a path in ${owner}, received ${describeValue(directory)}`);
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) throw new Error(`Expected a folder of class folders at "${directory}" in ${owner}, received ${fs.existsSync(directory) ? 'a file' : 'nothing'}`);
  const labelMode = options.labelMode === null ? null : checkOneOf(options.labelMode ?? 'int', ['int', 'categorical', 'binary'], 'labelMode', owner);
  const shuffle = checkBoolean(options.shuffle ?? true, 'shuffle', owner);
  const followLinks = checkBoolean(options.followLinks ?? false, 'followLinks', owner);
  const split = options.validationSplit == null ? null : checkNumber(options.validationSplit, 'validationSplit', owner, inInterval(0, 1, true));
  const subset = options.subset == null ? null : checkOneOf(options.subset, ['training', 'validation', 'both'], 'subset', owner);
  if ((split === null) !== (subset === null)) throw new RangeError(`Expected validationSplit and subset together in ${owner}, received ${split === null ? 'subset' : 'validationSplit'} only`);
  let seed = options.seed == null ? null : checkInteger(options.seed, 'seed', owner, 0);
  if (split !== null && shuffle && seed === null) throw new RangeError(`Expected a seed with validationSplit and shuffle in ${owner}: the training and validation subsets must shuffle alike`);

  const classNames = options.classNames ?? fs.readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.isDirectory() || (followLinks && entry.isSymbolicLink())).map((entry) => entry.name).sort();
  if (labelMode === 'binary' && classNames.length !== 2) throw new RangeError(`Expected exactly 2 class folders with labelMode "binary" in ${owner}, received ${classNames.length}: ${classNames.join(', ')}`);
  const files: string[] = [];
  const labels: number[] = [];
  classNames.forEach((name, label) => {
    const folder = path.join(directory, name);
    if (!fs.existsSync(folder)) throw new Error(`Expected a folder for class "${name}" at "${folder}" in ${owner}, received nothing`);
    const walk = (dir: string): void => {
      const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() || (followLinks && entry.isSymbolicLink() && fs.statSync(full).isDirectory())) walk(full);
        else if (extensions.includes(path.extname(entry.name).toLowerCase())) {
          files.push(full);
          labels.push(label);
        }
      }
    };
    walk(folder);
  });
  if (shuffle) {
    // Keras draws a seed when none is given, and shuffles paths and labels by the same stream.
    seed ??= Math.floor(random() * 1e6);
    new NumpyRandomState(seed).shuffle(files);
    new NumpyRandomState(seed).shuffle(labels);
  }
  if (split === null) return { classNames, parts: [{ files, labels }] };
  const validationCount = Math.floor(split * files.length);
  const training = { files: files.slice(0, files.length - validationCount), labels: labels.slice(0, files.length - validationCount) };
  const validation = { files: files.slice(files.length - validationCount), labels: labels.slice(files.length - validationCount) };
  return { classNames, parts: subset === 'both' ? [training, validation] : [subset === 'training' ? training : validation] };
}

/** Labels as Keras encodes them: int32 indices, one-hot rows, or `[n, 1]` floats for binary. */
export function encodeLabels(labels: readonly number[], mode: Exclude<DirectoryLabelMode, null>, classCount: number): { values: Float32Array | Int32Array; shape: number[] } {
  if (mode === 'int') return { values: Int32Array.from(labels), shape: [labels.length] };
  if (mode === 'binary') return { values: Float32Array.from(labels), shape: [labels.length, 1] };
  const values = new Float32Array(labels.length * classCount);
  labels.forEach((label, row) => (values[row * classCount + label] = 1));
  return { values, shape: [labels.length, classCount] };
}
