import { Callback } from './callback';
import { nodeFs } from './node-fs';
import type { Logs } from './training-model';

/** Options of {@link CSVLogger}. */
export interface CSVLoggerOptions {
  separator?: string;
  /** Continue an existing file instead of starting over. */
  append?: boolean;
}

/** Writes each epoch's logs to a CSV file: `epoch,accuracy,loss,val_accuracy,val_loss` (sorted keys, as Keras). */
export class CSVLogger extends Callback {
  readonly separator: string;
  readonly append: boolean;
  private keys: string[] | null = null;
  private writeHeader = true;

  constructor(
    readonly filename: string,
    options: CSVLoggerOptions = {},
  ) {
    super();
    this.separator = options.separator ?? ',';
    this.append = options.append ?? false;
  }

  override onTrainBegin(): void {
    const { fs, path } = nodeFs('CSVLogger');
    fs.mkdirSync(path.dirname(path.resolve(this.filename)), { recursive: true });
    const exists = fs.existsSync(this.filename) && fs.statSync(this.filename).size > 0;
    this.writeHeader = !(this.append && exists);
    if (!this.append) fs.writeFileSync(this.filename, '');
    this.keys = null;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const { fs } = nodeFs('CSVLogger');
    this.keys ??= Object.keys(logs).sort();
    const lines: string[] = [];
    if (this.writeHeader) {
      lines.push(['epoch', ...this.keys].join(this.separator));
      this.writeHeader = false;
    }
    lines.push([String(epoch), ...this.keys.map((key) => (logs[key] === undefined ? 'NA' : String(logs[key])))].join(this.separator));
    fs.appendFileSync(this.filename, `${lines.join('\n')}\n`);
  }
}

/** Makes a {@link CSVLogger}. */
export const csvLogger = (filename: string, options: CSVLoggerOptions = {}) => new CSVLogger(filename, options);
