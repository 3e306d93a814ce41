import { random } from '@dendrite/backend';
import { checkInteger, checkOptionKeys, nodeModules, optionKeys } from '@dendrite/backend/internal';
import { type DirectoryLoaderOptions, indexDirectory } from './index-directory';
import { type DirectoryDataset, directoryDataset } from './directory-dataset';

/** Options of {@link textDatasetFromDirectory}. */
export interface TextDatasetFromDirectoryOptions extends DirectoryLoaderOptions {
  /** Cut each text to this many characters (whole texts). */
  maxLength?: number | null;
}

const TEXT_KEYS = optionKeys<TextDatasetFromDirectoryOptions>({
  labelMode: true, classNames: true, batchSize: true, shuffle: true, seed: true, validationSplit: true, subset: true, followLinks: true, maxLength: true,
});

/**
 * Keras's `text_dataset_from_directory`: `directory/<class>/*.txt` as a `Dataset` of
 * `[texts, labels]` batches (texts a `string[]`), labels from the sorted folder names (`int`,
 * `categorical` or `binary`). Files and labels are shuffled with NumPy's `RandomState(seed)`
 * and split as Keras; batches are drawn in a new seeded order every pass. Map the texts through a
 * `TextVectorization` layer before `fit`.
 *
 * @param directory the folder of class folders (`aclImdb/train` with `neg/` and `pos/`)
 * @returns the dataset (with `classNames`), or `[training, validation]` with `subset: 'both'`
 * @throws TypeError for an unknown option; RangeError / Error for bad options or folders
 * @example
 * ```ts
 * const [train, validation] = textDatasetFromDirectory('aclImdb/train', { validationSplit: 0.2, subset: 'both', seed: 1337 });
 * const vectorized = train.map(([texts, labels]) => ({ xs: vectorize.apply(texts), ys: labels }));
 * ```
 */
export function textDatasetFromDirectory(directory: string, options: TextDatasetFromDirectoryOptions & { subset: 'both' }): [DirectoryDataset<string[]>, DirectoryDataset<string[]>];
export function textDatasetFromDirectory(directory: string, options?: TextDatasetFromDirectoryOptions): DirectoryDataset<string[]>;
export function textDatasetFromDirectory(directory: string, options: TextDatasetFromDirectoryOptions = {}): DirectoryDataset<string[]> | DirectoryDataset<string[]>[] {
  const owner = 'textDatasetFromDirectory';
  checkOptionKeys(options, TEXT_KEYS, owner);
  const maxLength = options.maxLength == null ? null : checkInteger(options.maxLength, 'maxLength', owner, 1);
  const batchSize = options.batchSize === null ? null : checkInteger(options.batchSize ?? 32, 'batchSize', owner, 1);
  const { classNames, parts } = indexDirectory(directory, ['.txt'], options, owner);
  const { fs } = nodeModules(`to read the texts of ${owner}`);
  const read = (files: string[]) => files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return maxLength === null ? text : text.slice(0, maxLength);
  });
  const labelMode = options.labelMode === null ? null : options.labelMode ?? 'int';
  const baseSeed = options.shuffle === false ? null : options.seed ?? Math.floor(random() * 1e6);
  const datasets = parts.map(({ files, labels }, part) => directoryDataset(files, labels, classNames, { labelMode, batchSize, shuffleSeed: baseSeed === null || part === 1 ? null : baseSeed }, read));
  return options.subset === 'both' ? datasets : datasets[0];
}
