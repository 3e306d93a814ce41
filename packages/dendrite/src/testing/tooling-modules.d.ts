/** Types of the repository's JavaScript tooling modules the browser tests build pages with. */
declare module '@dendrite/tfjs-gradients-plugin' {
  /** Vite plugin compiling tfjs-core's gradients in as the published build does (tooling/tfjs-gradients). */
  export function tfjsGradientsVitePlugin(shimPath: string): import('vite').Plugin;
}

declare module '@dendrite/vitest-config' {
  /** The repository's root folder. */
  export const repositoryRoot: string;
  /** Aliases from each workspace package name (and its subpaths) to its TypeScript source. */
  export function sourceAliases(): { find: RegExp; replacement: string }[];
}
