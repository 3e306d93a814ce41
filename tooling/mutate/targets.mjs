// @ts-check
/**
 * What `pnpm mutate <target>` mutates: one entry per package, or per folder of a large package
 * (the issue-24 list). Each mutates the production files under its folders — never tests, the
 * `testing/` helpers or type-only files — and runs the vitest tests of its package that import
 * them (`related`) under `tests`, so a run stays within one package. `backends: 'cpu'` runs the
 * `describeEachBackend` suites on cpu alone during mutation: for TypeScript over tfjs ops with no
 * branch on the backend (checked with `grep -n "getBackend\|wasm"`), a mutant fails the same way on
 * both, and the wasm copy of each suite only doubles the time. Targets that branch on the backend
 * (the trainer's batch cutter reads wasm memory) or are backend code keep both.
 *
 * @type {Record<string, { folders: string[], tests: string, backends?: string, note?: string }>}
 */
export const TARGETS = {
  losses: { folders: ['packages/losses/src/losses', 'packages/losses/src/metrics', 'packages/losses/src/utils'], tests: 'packages/losses/src', backends: 'cpu' },
  optimizers: { folders: ['packages/optimizers/src'], tests: 'packages/optimizers/src', backends: 'cpu' },
  'layers/core': { folders: ['packages/layers/src/core'], tests: 'packages/layers/src/core', backends: 'cpu' },
  'layers/normalization': { folders: ['packages/layers/src/normalization'], tests: 'packages/layers/src/normalization', backends: 'cpu' },
  'layers/recurrent': { folders: ['packages/layers/src/recurrent'], tests: 'packages/layers/src/recurrent', backends: 'cpu' },
  'models/trainer': { folders: ['packages/models/src/trainer'], tests: 'packages/models/src/trainer' },
  callbacks: { folders: ['packages/callbacks/src'], tests: 'packages/callbacks/src', backends: 'cpu' },
  'datasets/utils': { folders: ['packages/datasets/src/utils'], tests: 'packages/datasets/src', backends: 'cpu' },
  augment: { folders: ['packages/augment/src'], tests: 'packages/augment/src', backends: 'cpu' },
  'backend/kernels/wasm': {
    folders: ['packages/backend/src/kernels/wasm'],
    tests: 'packages/backend/src/kernels/wasm',
    note: "the kernels' JS glue (argument handling, module building); the wasm bytes are checked against the cpu backend",
  },
};

/** The target names, for the usage line. */
export const TARGET_NAMES = Object.keys(TARGETS);
