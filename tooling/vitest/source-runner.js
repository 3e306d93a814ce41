// @ts-check
/**
 * Runs TypeScript files against the packages' `src/` in a plain Node process, with the tests'
 * Vite aliases and plugins (vite-node), for the child processes tests start: the tuner's workers
 * and chiefs, the fuzz child.
 */
import { createServer, defaultServerConditions } from 'vite';
import { ViteNodeServer } from 'vite-node/server';
import { ViteNodeRunner } from 'vite-node/client';
import { repositoryRoot, sharedConfig } from './index.js';

/**
 * A vite-node runner set up as vitest sets up its server: no main fields (exports only), server
 * conditions without `module`, and the inlined tfjs-core files transformed (not externalized) in
 * SSR. `runner.executeFile(path)` runs a file and resolves to its module.
 *
 * @returns {Promise<ViteNodeRunner>}
 */
export async function createSourceRunner() {
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
  return new ViteNodeRunner({
    root: server.config.root,
    base: server.config.base,
    fetchModule: (id) => node.fetchModule(id),
    resolveId: (id, importer) => node.resolveId(id, importer),
  });
}
