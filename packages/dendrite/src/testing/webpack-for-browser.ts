import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpack from 'webpack';
import { type BrowserBundle, type BrowserEntry, findNodeBuiltins } from './bundle-for-browser';

/** What {@link webpackForBrowser} made: the bundle, its Node built-ins, and the assets webpack emitted. */
export interface WebpackBundle extends BrowserBundle {
  /** Files webpack emitted beside the bundle (the `.wasm` files it followed). */
  assets: string[];
}

/**
 * Bundles the page script `entry` for the browser as a user's webpack 5 build would (`target:
 * 'web'`, production mode unminified, package `exports` with the `browser` condition), writes it
 * to `outputFolder`, and lists every Node built-in it needed: webpack 5 polyfills none, so each is
 * a "Can't resolve 'fs'" or `node:` scheme error it reports, and any left in the text is found too.
 *
 * @throws Error with webpack's errors when the build fails for another reason
 */
export async function webpackForBrowser(entry: BrowserEntry, outputFolder: string): Promise<WebpackBundle> {
  const fileName = 'app.js';
  const entryFile = path.join(entry.resolveDir, `.webpack-entry-${process.pid}.mjs`);
  await writeFile(entryFile, entry.contents);
  let stats: webpack.Stats | undefined;
  try {
    stats = await new Promise<webpack.Stats | undefined>((resolve, reject) => {
      webpack(
        {
          mode: 'production',
          target: 'web',
          entry: entryFile,
          output: { path: outputFolder, filename: fileName, publicPath: 'auto' },
          optimization: { minimize: false },
          devtool: false,
          performance: { hints: false },
          infrastructureLogging: { level: 'error' },
          // webpack ≥ 5.10x applies tsconfig.json paths, and this repository's map @dendrite/* to
          // src/: a user's project resolves the published packages through their exports instead.
          resolve: { tsconfig: false },
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  } finally {
    await rm(entryFile, { force: true });
  }
  const { errors = [] } = stats?.toJson({ all: false, errors: true }) ?? {};
  const found = new Set<string>();
  const other: string[] = [];
  for (const error of errors) {
    const builtin = /Can't resolve '((?:node:)?[\w/]+)'|Reading from "(node:[\w/]+)" is not handled/.exec(error.message);
    if (builtin) found.add(`${builtin[1] ?? builtin[2]} (imported by ${error.moduleName ?? '?'})`);
    else other.push(`${error.moduleName ?? '?'}: ${error.message}`);
  }
  if (other.length > 0) throw new Error(`Expected the webpack browser bundle of the page in ${entry.resolveDir} to build, received:\n${other.join('\n')}`);
  const code = await readFile(path.join(outputFolder, fileName), 'utf8');
  for (const builtin of findNodeBuiltins(code, fileName)) found.add(builtin);
  const assets = (await readdir(outputFolder)).filter((name) => name !== fileName);
  return { fileName, code, nodeBuiltins: [...found], assets };
}
