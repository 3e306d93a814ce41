import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder. */
export const PACKAGE_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process with its output gathered line by line, and a wait for a line. */
export interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already printed or to come) matching; rejects if the process exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string | null>;
}

/** Runs a TypeScript file against src/ (`node test/run-source.mjs <file> <args>`) in the package folder, following its output. */
export function startChild(args: string[]): Child {
  const child = spawn(process.execPath, ['test/run-source.mjs', ...args], { cwd: PACKAGE_FOLDER, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return {
    process: child,
    lines,
    exited,
    waitForLine(pattern) {
      const found = lines.find((line) => pattern.test(line));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`Expected a line matching ${pattern} before the child exited (${code}), received:\n${lines.join('\n')}`)));
      });
    },
  };
}
