import { version as packageVersion } from '../package.json';

/**
 * Dendrite's own version (the `dendrite` package's). The
 * bundler inlines it from package.json at build time: no file is read at run time, so it works
 * the same from the ESM and CJS builds and in the browser. tfjs-core's own is `tf.version_core`.
 *
 * @example
 * ```ts
 * console.log(`Dendrite ${dn.version} on tfjs-core ${dn.tf.version_core}`);
 * ```
 */
export const version: string = packageVersion;
