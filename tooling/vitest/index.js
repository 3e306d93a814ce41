// @ts-check
/**
 * Vitest presets: every package's tests run against `src/` (no build), with `@dendrite/*` aliased
 * to source and tfjs-core's gradients compiled in the way the published build does it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tfjsGradientsVitePlugin } from '@dendrite/tfjs-gradients-plugin';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Aliases from each workspace package name (and its subpaths) to its TypeScript source.
 *
 * @returns {{ find: RegExp, replacement: string }[]}
 */
export function sourceAliases() {
  const aliases = [];
  for (const folder of ['packages', 'tooling']) {
    const parent = path.join(repositoryRoot, folder);
    for (const name of readdirSync(parent)) {
      const source = path.join(parent, name, 'src');
      if (!existsSync(path.join(source, 'index.ts'))) continue;
      const packageName = name === 'dendrite' ? 'dendrite' : `@dendrite/${name}`;
      const escaped = packageName.replace(/[/.]/g, '\\$&');
      aliases.push({ find: new RegExp(`^${escaped}/(.+)$`), replacement: `${source}/$1/index.ts` });
      aliases.push({ find: new RegExp(`^${escaped}$`), replacement: path.join(source, 'index.ts') });
    }
  }
  return aliases;
}

/**
 * The shared Vite/vitest settings of a project.
 *
 * @returns {import('vitest/config').UserConfig}
 */
export function sharedConfig() {
  const shimPath = path.join(repositoryRoot, 'packages/backend/src/tf/core-internals.ts');
  return {
    plugins: [tfjsGradientsVitePlugin(shimPath)],
    resolve: { alias: sourceAliases() },
    test: {
      server: { deps: { inline: [/tfjs-core\/dist\/(gradients|register_all_gradients|ops|public\/chained_ops)/] } },
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // wasm's default is every core; test files run in parallel forks, so each takes one thread
      // unless the run sets DENDRITE_THREADS itself (threaded tests pass `threads` explicitly).
      env: { DENDRITE_THREADS: process.env.DENDRITE_THREADS ?? '1' },
    },
  };
}

export { repositoryRoot };
