// @ts-check
/**
 * The tsup preset every published @dendrite package builds with: ESM + CJS + `.d.ts`, source maps,
 * dependencies left external so that one copy of tfjs-core serves every package. The source maps
 * carry no `sourcesContent`: they map to `src/` in the repository without shipping the source text
 * in the tarball (it was 1.6 of backend's 2.2 MB).
 *
 * @param {Partial<import('tsup').Options>} [overrides] options that differ for one package
 * @returns {import('tsup').Options}
 */
export function definePackageConfig(overrides = {}) {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: false,
    treeshake: true,
    shims: true,
    ...overrides,
    esbuildOptions(options, context) {
      options.sourcesContent = false;
      overrides.esbuildOptions?.(options, context);
    },
  };
}
