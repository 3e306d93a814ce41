import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { definePackageConfig } from '@dendrite/tsup-config';
import { tfjsGradientsEsbuildPlugin } from '@dendrite/tfjs-gradients-plugin';

const shimPath = fileURLToPath(new URL('./src/tf/core-internals.ts', import.meta.url));

export default defineConfig(
  definePackageConfig({
    noExternal: [/register_all_(gradients|chained_ops)/],
    esbuildPlugins: [tfjsGradientsEsbuildPlugin(shimPath)],
  }),
);
