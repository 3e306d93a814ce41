import { optionKeys } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { pathAndOptions } from './callback-options';
import { nodeFs } from './node-fs';
import { pythonRepr } from './python-float';
import type { Logs } from './training-model';

/** Options of {@link CSVLogger}; Keras's arguments and defaults. */
export interface CSVLoggerOptions {
  /** The CSV file (its folder is created), Keras's first argument: given here or first, not both. */
  filename?: string;
  /** Between fields (`','`). */
  separator?: string;
  /** Continue an existing file (for a resumed run) instead of starting it over (false). */
  append?: boolean;
}

/**
 * Streams each epoch's logs to a CSV file, as Keras's `CSVLogger`: a header of `epoch` and the
 * sorted keys (`epoch,accuracy,loss,val_accuracy,val_loss`), then one row per epoch with the
 * values as Python prints floats (`0.25`, `1e-05`, `nan`), `NA` for a value an epoch did not log.
 * With `append`, rows continue an existing file and the header is written only to an empty one.
 * Rows end in `\n` (Python's csv module writes `\r\n`). Node only: it writes through `node:fs`,
 * loaded lazily, and throws a clear Error when used in a browser.
 *
 * @example `await model.fit(x, y, { epochs: 10, callbacks: [csvLogger('run/log.csv')] })`, or `csvLogger({ filename: 'run/log.csv', append: true })`
 */
export class CSVLogger extends Callback {
  /** The keys of {@link CSVLoggerOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<CSVLoggerOptions>({ filename: true, separator: true, append: true });
  /** The CSV file. */
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  private keys: string[] | null = null;
  private writeHeader = true;

  /**
   * @param filename - the CSV file (its folder is created)
   * @throws TypeError for an unknown option
   * @throws Error when `filename` is missing or empty, or `separator` is not one character
   */
  constructor(filename: string, options?: Omit<CSVLoggerOptions, 'filename'>);
  /** @param options - Keras's arguments, `filename` among them */
  constructor(options: CSVLoggerOptions & { filename: string });
  constructor(first: string | CSVLoggerOptions, second?: CSVLoggerOptions) {
    super();
    const { path, options } = pathAndOptions<CSVLoggerOptions>(first, second, 'filename', new.target, 'CSVLogger');
    this.filename = path;
    this.separator = options.separator ?? ',';
    if (typeof this.separator !== 'string' || this.separator.length !== 1) {
      throw new Error(`Expected separator to be one character in CSVLogger, received ${JSON.stringify(options.separator)}`);
    }
    this.append = options.append ?? false;
  }

  /** @throws Error outside Node */
  override onTrainBegin(): void {
    const { fs, path } = nodeFs('CSVLogger');
    fs.mkdirSync(path.dirname(path.resolve(this.filename)), { recursive: true });
    if (this.append) {
      const firstLine = fs.existsSync(this.filename) ? fs.readFileSync(this.filename, 'utf8').split('\n', 1)[0] : '';
      this.writeHeader = firstLine.length === 0;
    } else {
      fs.writeFileSync(this.filename, '');
      this.writeHeader = true;
    }
    this.keys = null;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    if (this.keys === null) {
      this.keys = Object.keys(logs).sort();
      // Validation values the run will log, even if this epoch did not validate (Keras).
      for (const name of this.params?.metrics ?? []) {
        if (name.startsWith('val_') && !this.keys.includes(name)) this.keys.push(name);
      }
    }
    let text = '';
    if (this.writeHeader) {
      text += this.row(['epoch', ...this.keys]);
      this.writeHeader = false;
    }
    text += this.row([String(epoch), ...this.keys.map((key) => (typeof logs[key] === 'number' ? pythonRepr(logs[key]) : 'NA'))]);
    nodeFs('CSVLogger').fs.appendFileSync(this.filename, text);
  }

  override onTrainEnd(): void {
    this.keys = null;
  }

  /** One line, quoting fields as Python's csv module does (QUOTE_MINIMAL). */
  private row(fields: string[]): string {
    const quote = (field: string) => (field.includes(this.separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
    return `${fields.map(quote).join(this.separator)}\n`;
  }
}

/**
 * Makes a {@link CSVLogger}: the file first, or inside the options as Keras's `filename`.
 *
 * @example `csvLogger('log.csv', { append: true })`, `csvLogger({ filename: 'log.csv', separator: ';' })`
 */
export function csvLogger(filename: string, options?: Omit<CSVLoggerOptions, 'filename'>): CSVLogger;
export function csvLogger(options: CSVLoggerOptions & { filename: string }): CSVLogger;
export function csvLogger(first: string | (CSVLoggerOptions & { filename: string }), second?: Omit<CSVLoggerOptions, 'filename'>): CSVLogger {
  return new CSVLogger(first as string, second);
}
