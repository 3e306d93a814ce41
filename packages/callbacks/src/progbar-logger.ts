import { Callback } from './callback';
import { formatDuration, formatPerStep, formatValue } from './format-value';
import type { Logs } from './training-model';

/** Where the progress bar writes: a Node stream or anything with `write` (and `isTTY`). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Options of {@link ProgbarLogger}. */
export interface ProgbarLoggerOptions {
  /** Where to write (process.stdout in Node; console.log line by line elsewhere). */
  stream?: ProgressStream;
  /** Least time between redraws on a terminal, in ms (100). */
  interval?: number;
  /** The clock, in seconds (tests pass a fake). */
  now?: () => number;
}

function defaultStream(): ProgressStream {
  const stdout = (globalThis as { process?: { stdout?: ProgressStream } }).process?.stdout;
  if (stdout) return stdout;
  let line = '';
  return {
    write(text: string) {
      line += text.replace(/.*\r/g, '');
      const lines = line.split('\n');
      line = lines.pop() ?? '';
      for (const complete of lines) console.log(complete);
    },
  };
}

/**
 * Keras's progress output: `Epoch 3/20`, then
 * `375/375 [==============================] - 2s 5ms/step - loss: 0.1759 - accuracy: 0.9466`,
 * redrawn in place on a terminal (at most every `interval` ms, reading the lazy batch logs only
 * then) and printed once per epoch otherwise or with verbose 2.
 */
export class ProgbarLogger extends Callback {
  private readonly stream: ProgressStream;
  private readonly interval: number;
  private readonly now: () => number;
  private epochStart = 0;
  private lastDraw = -Infinity;
  private seen = 0;
  private epochs = 0;

  constructor(options: ProgbarLoggerOptions = {}) {
    super();
    this.stream = options.stream ?? defaultStream();
    this.interval = options.interval ?? 100;
    this.now = options.now ?? (() => performance.now() / 1000);
  }

  private get live(): boolean {
    return this.params?.verbose === 1 && this.stream.isTTY === true;
  }

  override onTrainBegin(): void {
    this.epochs = this.params?.epochs ?? 0;
  }

  override onEpochBegin(epoch: number): void {
    this.epochStart = this.now();
    this.lastDraw = -Infinity;
    this.seen = 0;
    if (this.params?.verbose === 1) this.stream.write(`Epoch ${epoch + 1}/${this.epochs}\n`);
  }

  override onBatchEnd(batch: number, logs: Logs = {}): void {
    this.seen = batch + 1;
    if (!this.live) return;
    const now = this.now();
    const last = this.params?.steps != null && this.seen >= this.params.steps;
    if (!last && (now - this.lastDraw) * 1000 < this.interval) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(this.seen, now, logs, false)}`);
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const now = this.now();
    if (this.params?.verbose === 2) {
      const elapsed = now - this.epochStart;
      const steps = this.seen || this.params?.steps || 1;
      this.stream.write(`Epoch ${epoch + 1}/${this.epochs}\n${steps}/${steps} - ${formatDuration(elapsed)} - ${formatPerStep(elapsed / steps)}${this.values(logs)}\n`);
      return;
    }
    this.stream.write(`${this.live ? '\r' : ''}${this.line(this.seen, now, logs, true)}\n`);
  }

  /** One progress line: counter, bar, time (ETA while running) and the values. */
  line(seen: number, now: number, logs: Logs, done: boolean): string {
    const steps = this.params?.steps ?? null;
    const width = 30;
    const counterWidth = steps === null ? 0 : String(steps).length;
    const counter = steps === null ? `${seen}/Unknown` : `${String(seen).padStart(counterWidth)}/${steps}`;
    let bar = '';
    if (steps !== null) {
      const filled = Math.floor((width * Math.min(seen, steps)) / steps);
      bar = filled >= width ? '='.repeat(width) : `${'='.repeat(Math.max(filled - 1, 0))}${filled > 0 ? '>' : ''}${'.'.repeat(width - filled)}`;
      if (filled > 0 && filled < width) bar = `${'='.repeat(filled - 1)}>${'.'.repeat(width - filled)}`;
      bar = ` [${bar}]`;
    }
    const elapsed = now - this.epochStart;
    const perStep = seen > 0 ? elapsed / seen : 0;
    const time = done || steps === null ? ` - ${formatDuration(elapsed)} ${formatPerStep(perStep)}` : ` - ETA: ${formatDuration(perStep * (steps - seen))}`;
    return `${counter}${bar}${time}${this.values(logs)}`;
  }

  private values(logs: Logs): string {
    return Object.keys(logs)
      .map((key) => ` - ${key}: ${formatValue(logs[key])}`)
      .join('');
  }
}
