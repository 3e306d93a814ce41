/**
 * The parent's handle on the fuzz child (`child-entry.mjs`): one request at a time, each under a
 * time limit and a memory bound. A child that overruns either is killed, and the next request
 * starts a new one.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the child answered, or how it failed to. */
export type ChildOutcome =
  | { kind: 'ok'; result: unknown; peakRss: number; ms: number }
  | { kind: 'threw'; isError: boolean; name: string; message: string; stack?: string; peakRss: number; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'memory'; rss: number; ms: number }
  | { kind: 'crash'; code: number | null; signal: string | null; stderr: string; ms: number };

/** Limits of a child. */
export interface ChildLimits {
  /** Milliseconds one request may take (the child's start-up is not counted). */
  caseTimeoutMs: number;
  /** Resident memory (bytes) past which the child is killed. */
  maxRssBytes: number;
  /** Milliseconds the child may take to start (Vite transforms the packages). */
  startTimeoutMs?: number;
}

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child-entry.mjs');

/** The resident memory of a process (Linux `/proc`), or 0 where it cannot be read. */
function residentBytes(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** A restartable fuzz child. */
export class FuzzChild {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private stderr = '';
  /** How many children were started (a restart follows every timeout, memory kill or crash). */
  starts = 0;

  constructor(private readonly limits: ChildLimits) {}

  private start(): Promise<void> {
    this.starts++;
    this.stderr = '';
    const child = fork(ENTRY, [], {
      cwd: path.dirname(ENTRY),
      // The heap bound catches JS-object growth early; typed arrays live outside it, hence the RSS poll.
      execArgv: [`--max-old-space-size=${Math.ceil(this.limits.maxRssBytes / 2 ** 20)}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.child = child;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Expected the fuzz child to start within ${this.limits.startTimeoutMs ?? 120_000} ms, received nothing; stderr: ${this.stderr}`)), this.limits.startTimeoutMs ?? 120_000);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Expected the fuzz child to start, received exit code ${code}; stderr: ${this.stderr}`));
      });
    });
  }

  /**
   * Sends one request and waits for its answer within the limits.
   *
   * @param timeoutMs the time limit of this request (the case limit by default)
   * @throws Error when the child cannot start at all
   */
  async request(message: Record<string, unknown>, timeoutMs = this.limits.caseTimeoutMs): Promise<ChildOutcome> {
    if (this.child === undefined || this.child.exitCode !== null || this.child.signalCode !== null) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    const id = this.nextId++;
    const started = Date.now();
    return new Promise<ChildOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: ChildOutcome, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) {
          child.kill('SIGKILL');
          this.child = undefined;
        }
        resolve(outcome);
      };
      const onMessage = (reply: { id?: number; ok?: boolean; result?: unknown; peakRss?: number; isError?: boolean; name?: string; message?: string; stack?: string }) => {
        if (reply.id !== id) return;
        const ms = Date.now() - started;
        if (reply.ok) finish({ kind: 'ok', result: reply.result, peakRss: reply.peakRss ?? 0, ms }, false);
        else finish({ kind: 'threw', isError: reply.isError ?? false, name: reply.name ?? '', message: reply.message ?? '', stack: reply.stack, peakRss: reply.peakRss ?? 0, ms }, false);
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = undefined;
        finish({ kind: 'crash', code, signal, stderr: this.stderr, ms: Date.now() - started }, false);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout', ms: Date.now() - started }, true), timeoutMs);
      const poll = setInterval(() => {
        const rss = residentBytes(child.pid!);
        if (rss > this.limits.maxRssBytes) finish({ kind: 'memory', rss, ms: Date.now() - started }, true);
      }, 25);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, ...message });
    });
  }

  /** Stops the child. */
  close(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}
