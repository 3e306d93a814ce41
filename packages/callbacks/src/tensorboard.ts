import { Callback } from './callback';
import { nodeFs } from './node-fs';
import { fileVersionEvent, histogramProto, summaryEvent, tfRecord } from './tensorboard-format';
import type { Logs } from './training-model';

/** Options of {@link TensorBoard}. */
export interface TensorBoardOptions {
  /** `'epoch'` (default), `'batch'`, or every N batches: when batch scalars are written. */
  updateFreq?: 'epoch' | 'batch' | number;
  /** Write weight histograms every N epochs (0: never). */
  histogramFreq?: number;
}

/** One event file of one run (`train` or `validation`). */
class EventWriter {
  private readonly file: string;
  constructor(directory: string, index: number) {
    const { fs, path } = nodeFs('TensorBoard');
    fs.mkdirSync(directory, { recursive: true });
    const os = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:os') as { hostname(): string } | undefined;
    this.file = path.join(directory, `events.out.tfevents.${Math.floor(Date.now() / 1000)}.${os?.hostname() ?? 'localhost'}.${process.pid}.${index}.v2`);
    fs.writeFileSync(this.file, tfRecord(fileVersionEvent(Date.now() / 1000)));
  }
  write(event: Uint8Array): void {
    nodeFs('TensorBoard').fs.appendFileSync(this.file, tfRecord(event));
  }
}

let writerCount = 0;

/**
 * Writes real TensorBoard event files — `logDir/train` and `logDir/validation` runs with
 * `epoch_loss`, `epoch_accuracy`, … (and `batch_*` scalars with updateFreq) and weight histograms
 * — in pure JS, so `tensorboard --logdir logDir` shows them.
 */
export class TensorBoard extends Callback {
  readonly updateFreq: 'epoch' | 'batch' | number;
  readonly histogramFreq: number;
  private train?: EventWriter;
  private validation?: EventWriter;
  private step = 0;

  constructor(
    readonly logDir: string,
    options: TensorBoardOptions = {},
  ) {
    super();
    this.updateFreq = options.updateFreq ?? 'epoch';
    this.histogramFreq = options.histogramFreq ?? 0;
  }

  override onTrainBegin(): void {
    const { path } = nodeFs('TensorBoard');
    this.train = new EventWriter(path.join(this.logDir, 'train'), writerCount++);
    this.validation = new EventWriter(path.join(this.logDir, 'validation'), writerCount++);
    this.step = 0;
  }

  override onBatchEnd(_batch: number, logs: Logs = {}): void {
    this.step += 1;
    const every = this.updateFreq === 'batch' ? 1 : this.updateFreq === 'epoch' ? 0 : this.updateFreq;
    if (every === 0 || this.step % every !== 0) return;
    const now = Date.now() / 1000;
    for (const [key, value] of Object.entries(logs)) this.train!.write(summaryEvent(this.step, now, `batch_${key}`, { scalar: value }));
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const now = Date.now() / 1000;
    for (const [key, value] of Object.entries(logs)) {
      const validation = key.startsWith('val_');
      const writer = validation ? this.validation! : this.train!;
      writer.write(summaryEvent(epoch, now, `epoch_${validation ? key.slice(4) : key}`, { scalar: value }));
    }
    if (this.histogramFreq > 0 && epoch % this.histogramFreq === 0) {
      for (const { name, value } of this.model!.namedWeights()) {
        this.train!.write(summaryEvent(epoch, now, `${name}/histogram`, { histogram: histogramProto(value.dataSync() as Float32Array) }));
      }
    }
  }
}

/** Makes a {@link TensorBoard} callback. */
export const tensorBoard = (logDir: string, options: TensorBoardOptions = {}) => new TensorBoard(logDir, options);
