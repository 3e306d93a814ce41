// @ts-check
/**
 * Runs one TypeScript file against the packages' src/ with the tests' Vite aliases and plugins
 * (vite-node, set up as tooling/fuzz's child and as vitest sets up its server), for the tuner's
 * child processes: `node test/run-source.mjs src/cli.ts worker --redis …`.
 */
import path from 'node:path';
import { createServer, defaultServerConditions } from 'vite';
import { ViteNodeServer } from 'vite-node/server';
import { ViteNodeRunner } from 'vite-node/client';
import { repositoryRoot, sharedConfig } from '@dendrite/vitest-config';

const [file, ...args] = process.argv.slice(2);
const shared = sharedConfig();
const inline = shared.test?.server?.deps?.inline ?? [];
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
process.argv = [process.argv[0], path.resolve(file), ...args];
await runner.executeFile(path.resolve(file));
