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
    // One fork kept for the whole run, its modules (tfjs, the package) imported once: Stryker
    // switches mutants at run time, so nothing needs re-importing between mutants. Measured on
    // `layers/recurrent --files lstm-cell.ts` (29 mutants, cpu): 82 s CPU isolated, 55 s not
    // (with `related` off in `mutate.mjs`). `DENDRITE_MUTATE_ISOLATE=1` brings isolation back for a
    // target whose test files disturb each other's module state (its dry run fails without it).
    test: {
      include: ['**/*.test.ts'],
      pool: 'forks',
      ...(process.env.DENDRITE_MUTATE_ISOLATE === '1' ? {} : { isolate: false, poolOptions: { forks: { isolate: false, singleFork: true } } }),
    },
  }),
);
