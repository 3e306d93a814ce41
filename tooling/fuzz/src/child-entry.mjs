// @ts-check
/**
 * The fuzz child: loads `case-runner.ts` against the packages' `src/` through the same Vite
 * aliases and plugins as the tests (`@dendrite/vitest-config/source-runner`), then answers one message at a time over IPC:
 * `{ id, kind: 'seeds', dir }` or `{ id, kind: 'load', format, dir }`. The parent kills it on a
 * timeout or when its memory passes the bound, and starts a new one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSourceRunner } from '@dendrite/vitest-config/source-runner';

const runner = await createSourceRunner();
const caseRunner = await runner.executeFile(path.join(path.dirname(fileURLToPath(import.meta.url)), 'case-runner.ts'));
await caseRunner.prepare();

process.on('message', async (/** @type {any} */ message) => {
  try {
    const result = message.kind === 'seeds' ? await caseRunner.writeSeeds(message.dir) : await caseRunner.loadCase(message.format, message.dir);
    process.send?.({ id: message.id, ok: true, result, peakRss: caseRunner.peakRss() });
  } catch (error) {
    const isError = error instanceof Error;
    process.send?.({ id: message.id, ok: false, isError, name: isError ? error.name : typeof error, message: isError ? error.message : String(error), stack: isError ? error.stack : undefined, peakRss: caseRunner.peakRss() });
  }
});
process.send?.({ ready: true });
