import { optionKeys, argumentError } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { checkCallbackOptions } from './callback-options';
import { formatDuration, formatElapsed, formatPerStep, formatValue } from './format-value';
import type { Logs, TrainingParams } from './training-model';

/** Where the progress bar writes: a Node stream or anything with `write` (and `isTTY`). */
export interface ProgressStream {
  write(text: string): unknown;
  /** True on a terminal: the bar is then redrawn in place with `\r`. */
  isTTY?: boolean;
}

/** Options of {@link ProgbarLogger}. */
export interface ProgbarLoggerOptions {
  /** Where to write: `process.stdout` in Node, `console.log` line by line elsewhere. */
  stream?: ProgressStream;
  /** Least time between two redraws on a terminal, in ms (50, Keras's `interval`). */
  interval?: number;
  /** The clock in seconds (`performance.now() / 1000`); tests pass a fake one. */
  now?: () => number;
  /** Characters of the bar (30). */
  width?: number;
}

function defaultStream(): ProgressStream {
  const stdout = (globalThis as { process?: { stdout?: ProgressStream } }).process?.stdout;
  if (stdout && typeof stdout.write === 'function') return stdout;
  let pending = '';
  return {
    write(text: string) {
      // Without a terminal only whole lines make sense: drop what a `\r` overwrites.
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) console.log(line.slice(line.lastIndexOf('\r') + 1));
    },
  };
}

/**
 * Keras's progress output. With verbose 1 it prints `Epoch 3/20` (when there is more than one
 * epoch), then
 * `375/375 [==============================] - 2s 5ms/step - loss: 0.1759 - accuracy: 0.9466 - val_loss: 0.2000`.
 * On a terminal the line is redrawn in place while the epoch runs (`  3/375 [>....] - ETA: 3s - loss: …`),
 * at most every `interval` ms, at the last batch and at the epoch's end; the lazy batch logs are
 * read only for a redraw. Elsewhere (a file, a pipe, a browser console) and with verbose 2 it prints one line per
 * epoch (`375/375 - 2s - 5ms/step - loss: …` for verbose 2). With `params.steps` null the counter
 * reads `123/Unknown` until the first epoch ends.
 *
 * `fit` adds one when `verbose > 0`; evaluate and predict runs get a bar too.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const progbar = new ProgbarLogger({ stream: { write: (text) => lines.push(text) } });
 * ```
 */
export class ProgbarLogger extends Callback {
  /** The keys of {@link ProgbarLoggerOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<ProgbarLoggerOptions>({ stream: true, interval: true, now: true, width: true });
  private readonly stream: ProgressStream;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly width: number;
  private verbose: 0 | 1 | 2 = 1;
  private epochs = 1;
  /** Steps of a run: `params.steps`, or what the first epoch counted when that was null. */
  private target: number | null = null;
  private calledInFit = false;
  private start = 0;
  private afterFirstStep: number | null = null;
  private lastDraw = -Infinity;
  private seen = 0;
  private previousWidth = 0;

  /**
   * @throws TypeError for an unknown option
   * @throws Error when `interval` is not a number ≥ 0 or `width` not an integer ≥ 1
   */
  constructor(options: ProgbarLoggerOptions = {}) {
    super();
    checkCallbackOptions(options, new.target, 'ProgbarLogger');
    if (options.interval !== undefined && !(options.interval >= 0)) {
      throw argumentError(options.interval, 'number', `Expected interval to be a number of ms ≥ 0 in ProgbarLogger, received ${options.interval}`);
    }
    this.stream = options.stream ?? defaultStream();
    this.interval = options.interval ?? 50;
    this.now = options.now ?? (() => performance.now() / 1000);
    this.width = options.width ?? 30;
    if (!Number.isInteger(this.width) || this.width < 1) throw argumentError(options.width, 'number', `Expected width to be an integer ≥ 1 in ProgbarLogger, received ${options.width}`);
  }

  override setParams(params: TrainingParams): void {
    super.setParams(params);
    this.verbose = params.verbose;
    this.epochs = params.epochs;
    this.target = params.steps;
  }

  override onTrainBegin(): void {
    // Inside fit, validation runs quietly (as Keras).
    this.calledInFit = true;
  }

  override onTrainEnd(): void {
    this.calledInFit = false;
  }

  override onEpochBegin(epoch: number): void {
    this.reset();
    if (this.verbose > 0 && this.epochs > 1) this.stream.write(`Epoch ${epoch + 1}/${this.epochs}\n`);
  }

  override onBatchEnd(batch: number, logs?: Logs): void {
    this.update(batch + 1, logs);
  }

  override onEpochEnd(_epoch: number, logs?: Logs): void {
    this.finish(logs, true);
  }

  override onTestBegin(): void {
    if (!this.calledInFit) this.reset();
  }

  override onTestBatchEnd(batch: number, logs?: Logs): void {
    if (!this.calledInFit) this.update(batch + 1, logs);
  }

  override onTestEnd(logs?: Logs): void {
    if (!this.calledInFit) this.finish(logs);
  }

  override onPredictBegin(): void {
    this.reset();
  }

  override onPredictBatchEnd(batch: number): void {
    this.update(batch + 1, undefined);
  }

  override onPredictEnd(): void {
    this.finish(undefined);
  }

  private get live(): boolean {
    return this.verbose === 1 && this.stream.isTTY === true;
  }

  private reset(): void {
    this.start = this.now();
    this.afterFirstStep = null;
    this.lastDraw = -Infinity;
    this.seen = 0;
    this.previousWidth = 0;
  }

  private update(current: number, logs: Logs | undefined): void {
    this.seen = current;
    if (!this.live) {
      if (current === 1) this.afterFirstStep = this.now();
      return;
    }
    const now = this.now();
    if (current === 1) this.afterFirstStep = now;
    const last = this.target !== null && current >= this.target;
    if (!last && (now - this.lastDraw) * 1000 < this.interval) return;
    this.draw(current, now, logs, false);
  }

  /** @param mayBeCut an epoch of fit, which stopTraining may end before its last batch */
  private finish(logs: Logs | undefined, mayBeCut = false): void {
    if (this.verbose === 0) return;
    if (this.target === null) this.target = this.seen;
    // An epoch cut short (TerminateOnNaN, stopTraining in a batch) shows the batches that ran: 4/8.
    const ran = mayBeCut && this.seen > 0 && this.seen < this.target ? this.seen : this.target;
    const now = this.now();
    if (this.verbose === 2) {
      const elapsed = now - this.start;
      const count = `${this.counter(ran)}/${this.target}`;
      this.stream.write(`${count} - ${formatElapsed(elapsed)} - ${formatPerStep(this.stepDuration(ran, now))}${values(logs)}\n`);
      return;
    }
    this.draw(ran, now, logs, true);
  }

  private draw(current: number, now: number, logs: Logs | undefined, finished: boolean): void {
    const text = this.line(current, now, logs, finished);
    const padding = ' '.repeat(Math.max(0, this.previousWidth - text.length));
    this.previousWidth = text.length;
    this.lastDraw = now;
    if (this.live) this.stream.write(`\r${text}${padding}${finished ? '\n' : ''}`);
    else this.stream.write(`${text}\n`);
  }

  /**
   * One progress line as Keras writes it: counter, bar, then the elapsed time and time per step
   * (finished or unknown length) or the ETA, then the values.
   */
  line(current: number, now: number, logs: Logs | undefined, finished: boolean): string {
    const target = this.target;
    let bar: string;
    if (target !== null && target > 0) {
      const filled = Math.min(Math.floor((this.width * current) / target), this.width);
      const body = filled > 0 ? `${'='.repeat(filled - 1)}${current < target ? '>' : '='}` : '';
      bar = `${this.counter(current)}/${target} [${body}${'.'.repeat(this.width - filled)}]`;
    } else {
      bar = `${String(current).padStart(7)}/Unknown`;
    }
    const perStep = this.stepDuration(current, now);
    const time =
      target === null || target <= 0 || finished
        ? ` - ${formatElapsed(now - this.start)} ${formatPerStep(perStep)}`
        : ` - ETA: ${formatDuration(perStep * (target - current))}`;
    return `${bar}${time}${values(logs)}`;
  }

  private counter(current: number): string {
    const digits = this.target !== null && this.target > 0 ? Math.floor(Math.log10(this.target)) + 1 : 0;
    return String(current).padStart(digits);
  }

  /** Keras's estimate: the first step (often slow) left out once there are more. */
  private stepDuration(current: number, now: number): number {
    if (current <= 0) return 0;
    if (this.afterFirstStep !== null && current > 1) return (now - this.afterFirstStep) / (current - 1);
    return (now - this.start) / current;
  }
}

function values(logs: Logs | undefined): string {
  if (!logs) return '';
  let text = '';
  for (const key of Object.keys(logs)) text += ` - ${key}: ${formatValue(logs[key])}`;
  return text;
}

/** Makes a {@link ProgbarLogger}. */
export const progbarLogger = (options: ProgbarLoggerOptions = {}) => new ProgbarLogger(options);
