import { nodeFs } from './node-fs';
import { fileVersionEvent } from './tensorboard-events';
import { tfRecord } from './tf-record';

let filesCreated = 0;

/**
 * One TensorBoard event file in a run folder (`logs/train`), named as TensorFlow names them:
 * `events.out.tfevents.<seconds>.<hostname>.<pid>.<n>.v2`. Events are kept in memory and
 * appended to the file by {@link flush} (the callback flushes at each epoch's end), so batches
 * cost no file access. Node only.
 *
 * @internal
 */
export class EventFileWriter {
  /** The file's path. */
  readonly path: string;
  private pending: Uint8Array[] = [];
  private closed = false;

  /**
   * Creates the folder and the file, holding its first (file version) event.
   *
   * @param now - the clock in seconds since the epoch (`Date.now() / 1000`)
   */
  constructor(
    directory: string,
    private readonly now: () => number = () => Date.now() / 1000,
  ) {
    const { fs, path, os } = nodeFs('TensorBoard');
    fs.mkdirSync(directory, { recursive: true });
    const wallTime = this.now();
    const seconds = String(Math.floor(wallTime)).padStart(10, '0');
    this.path = path.join(directory, `events.out.tfevents.${seconds}.${os.hostname()}.${process.pid}.${filesCreated++}.v2`);
    fs.writeFileSync(this.path, tfRecord(fileVersionEvent(wallTime)));
  }

  /**
   * Queues one serialized Event.
   *
   * @throws Error after {@link close}
   */
  write(event: Uint8Array): void {
    if (this.closed) throw new Error(`Expected an open event file, received a write after close (${this.path})`);
    this.pending.push(tfRecord(event));
  }

  /** Appends the queued events to the file. */
  flush(): void {
    if (this.pending.length === 0) return;
    const size = this.pending.reduce((total, record) => total + record.length, 0);
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const record of this.pending) {
      bytes.set(record, offset);
      offset += record.length;
    }
    this.pending = [];
    nodeFs('TensorBoard').fs.appendFileSync(this.path, bytes);
  }

  /** Flushes, then refuses further writes. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }
}
