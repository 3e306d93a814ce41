// @ts-check
/**
 * The fuzz child: loads `case-runner.ts` against the packages' `src/` through the same Vite
 * aliases and plugins as the tests (vite-node), then answers one message at a time over IPC:
 * `{ id, kind: 'seeds', dir }` or `{ id, kind: 'load', format, dir }`. The parent kills it on a
 * timeout or when its memory passes the bound, and starts a new one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, defaultServerConditions } from 'vite';
import { ViteNodeServer } from 'vite-node/server';
import { ViteNodeRunner } from 'vite-node/client';
import { repositoryRoot, sharedConfig } from '@dendrite/vitest-config';

const shared = sharedConfig();
const inline = shared.test?.server?.deps?.inline ?? [];
// As vitest sets up its server: no main fields (exports only), server conditions without
// `module`, and the inlined tfjs-core files transformed (not externalized) in SSR.
const resolveOptions = { mainFields: [], conditions: defaultServerConditions.filter((condition) => condition !== 'module') };
const server = await createServer({
  ...shared,
  test: undefined,
  resolve: { ...shared.resolve, ...resolveOptions },
  environments: { ssr: { resolve: resolveOptions } },
  ssr: { noExternal: inline },
  configFile: false,
  root: repositoryRoot,
  logLevel: 'error',
  clearScreen: false,
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { hmr: false, watch: null, preTransformRequests: false },
});
await server.pluginContainer.buildStart({});
const node = new ViteNodeServer(server, { deps: { inline } });
const runner = new ViteNodeRunner({
  root: server.config.root,
  base: server.config.base,
  fetchModule: (id) => node.fetchModule(id),
  resolveId: (id, importer) => node.resolveId(id, importer),
});
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
