// @ts-check
/**
 * The vitest config of mutation runs. The root `vitest.config.ts` reaches the shared settings as
 * `@dendrite/vitest-config`, through `node_modules` — which Stryker's sandbox links to the working
 * tree's, so its `@dendrite/*` source aliases would point at the working tree's unmutated `src/`
 * while relative imports reach the sandbox's mutated copy: two copies of every class (`instanceof`
 * fails: "received a SymbolicTensor"), and mutants reached through a package name never run.
 * Imported by relative path, the shared settings resolve inside the sandbox.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../vitest/index.js';

export default defineConfig(
  mergeConfig(sharedConfig(), {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    // Relative to `test.dir`, which `mutate.mjs` sets to the target's test folder.
    test: { include: ['**/*.test.ts'], pool: 'forks' },
  }),
);
