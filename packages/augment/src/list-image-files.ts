import { checkOptionKeys, nodeModules, optionKeys } from '@dendrite/backend/internal';

/** File extensions `flowFromDirectory` reads, as Keras's white list. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'bmp', 'ppm', 'pgm'] as const;

/** The images of a class-folder tree. */
export interface ImageFileList {
  /** Class names in index order (sorted folder names, or the given list). */
  classNames: string[];
  /** Paths relative to the root (`cats/cat.1.jpg`), class by class, sorted within each. */
  filenames: string[];
  /** The class index of each file. */
  classes: Int32Array;
}

/** Options of {@link listImageFiles}. */
export interface ListImageFilesOptions {
  /** Class folder names in index order (default: every sub-folder, sorted). */
  classes?: string[];
  /** Follow symbolic links to folders (false). */
  followLinks?: boolean;
  /** The fraction `[from, to)` of each class to keep (`[0, 1)`). */
  split?: [number, number];
}

/** Whether a file name ends with `.` and one of {@link IMAGE_EXTENSIONS}, in any case, as Keras's `fname.lower().endswith('.' + extension)` (a bare `png` is no image). */
function hasImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && (IMAGE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const LIST_IMAGE_FILES_KEYS = optionKeys<ListImageFilesOptions>({ classes: true, followLinks: true, split: true });

/**
 * Lists `root/<class>/**` images as Keras does: classes are the sorted sub-folder names (or
 * `classes`), files are walked recursively in sorted order, and with `split` = `[from, to)` only
 * that fraction of each class is kept (`[0, v)` for validation, `[v, 1)` for training).
 *
 * @throws TypeError for an unknown option
 * @throws Error when the folder does not exist or a named class has no folder
 */
export function listImageFiles(root: string, options: ListImageFilesOptions = {}): ImageFileList {
  checkOptionKeys(options, LIST_IMAGE_FILES_KEYS, 'listImageFiles');
  // Stryker disable next-line StringLiteral: the reason shows only where Node's modules are missing (a browser), never under Node
  const { fs, path } = nodeModules('to read image folders');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`Expected a folder of class folders at "${root}", received ${fs.existsSync(root) ? 'a file' : 'nothing'}`);
  // Stryker disable next-line MethodExpression: Node's readdir on POSIX (libuv's scandir) returns names sorted by their bytes already; the sort matters on Windows
  const classNames = options.classes ?? fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() || (options.followLinks && entry.isSymbolicLink())).map((entry) => entry.name).sort();
  const filenames: string[] = [];
  const labels: number[] = [];
  classNames.forEach((name, index) => {
    const folder = path.join(root, name);
    if (!fs.existsSync(folder)) throw new Error(`Expected a folder for class "${name}" at "${folder}", received nothing`);
    const files: string[] = [];
    const walk = (dir: string) => {
      // Stryker disable next-line ArrowFunction,ConditionalExpression,EqualityOperator,MethodExpression,UnaryOperator: as above, the entries come sorted on POSIX, and names in one folder are never equal
      const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const isDir = entry.isDirectory() || (options.followLinks === true && entry.isSymbolicLink() && fs.statSync(full).isDirectory());
        if (isDir) walk(full);
        else if (hasImageExtension(entry.name)) files.push(path.relative(root, full));
      }
    };
    walk(folder);
    const [from, to] = options.split ?? [0, 1];
    for (const file of files.slice(Math.floor(from * files.length), Math.floor(to * files.length))) {
      filenames.push(file);
      labels.push(index);
    }
  });
  return { classNames, filenames, classes: Int32Array.from(labels) };
}
