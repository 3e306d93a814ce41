import { defineConfig } from 'tsup';
import { definePackageConfig } from '@dendrite/tsup-config';

// Declarations come from tooling/tsup/emit-declarations.mjs (per-file `tsc` output), not from tsup's
// bundled `.d.ts`, which writes the `augment` and `utils` namespaces as JavaScript.
export default defineConfig(definePackageConfig({ dts: false }));
