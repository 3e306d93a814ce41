import { defineConfig } from 'tsup';
import { definePackageConfig } from '@dendrite/tsup-config';

// The worker command is its own ESM entry with a shebang; `distributed` is a Node-only subpath.
export default defineConfig([
  definePackageConfig({ entry: { index: 'src/index.ts', 'distributed/index': 'src/distributed/index.ts' } }),
  definePackageConfig({ entry: { cli: 'src/cli.ts' }, format: ['esm'], dts: false, clean: false, banner: { js: '#!/usr/bin/env node' } }),
]);
