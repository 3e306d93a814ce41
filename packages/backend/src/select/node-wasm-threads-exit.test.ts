import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('./node-wasm-threads.ts', import.meta.url));

// Emscripten refs a pthread worker while its thread runs (`worker.runPthread`), and XNNPACK's pool
// threads never end: a ref that took effect kept every Node script using threaded wasm from exiting.
describe('pthreadWorkerClass', () => {
  it('never keeps a finished process alive, even when Emscripten refs a worker whose thread runs for ever', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dendrite-pthread-exit-'));
    const script = join(folder, 'child.mjs');
    writeFileSync(
      script,
      `const { pthreadWorkerClass } = await import(${JSON.stringify(SOURCE)});
const Worker = pthreadWorkerClass('setInterval(() => {}, 1000);', '');
const worker = new Worker('blob:nodedata:pthread');
worker.ref();
console.log('started');
`,
    );
    // A process that does not end is killed after 30 s (a hang, not a timing: it ends in < 1 s).
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    rmSync(folder, { recursive: true, force: true });
    expect({ status: child.status, signal: child.signal, stdout: child.stdout.trim() }).toEqual({ status: 0, signal: null, stdout: 'started' });
  }, 60_000);
});
