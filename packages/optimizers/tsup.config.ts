import { defineConfig } from 'tsup';
import { definePackageConfig } from '@dendrite/tsup-config';

export default defineConfig(
  definePackageConfig({
    // `testing` (the vitest helpers) imports the package by its own name: external, so that it
    // shares the main entry's classes and registries instead of bundling a copy of them.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    external: ['@dendrite/optimizers'],
  }),
);
