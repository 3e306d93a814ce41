import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

/** Node's built-in modules: none may be left in a browser bundle. */
export const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module', 'net',
  'os', 'path', 'perf_hooks', 'process', 'stream', 'string_decoder', 'tls', 'url', 'util', 'worker_threads', 'zlib',
];

/** Imports of Node built-ins in bundled code: `from "fs"`, `require("node:zlib")`, `import("stream")`. */
const BUILTIN_IMPORT = new RegExp(
  String.raw`(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']((?:node:[\w/]+)|(?:${NODE_BUILTINS.join('|')}))["']`,
  'g',
);

/** The page's script: its text, and the folder its imports resolve from. */
export interface BrowserEntry {
  contents: string;
  resolveDir: string;
}

/**
 * tfjs-backend-wasm's threaded worker, inlined as a string (`wasmWorkerContents = \`…\``): it runs
 * only inside a Web Worker made from that string, and its `require("worker_threads")` sits behind
 * Emscripten's `ENVIRONMENT_IS_NODE`. Text, not an import of the bundle, so the scan skips it.
 */
const WASM_WORKER_SOURCE = /wasmWorkerContents\s*=\s*`(?:[^`\\]|\\.)*`/g;

/** What {@link bundleForBrowser} made. */
export interface BrowserBundle {
  /** The bundle's file name inside the output folder. */
  fileName: string;
  /** Its text. */
  code: string;
  /** The Node built-ins it still imports, each with where it was seen (empty when clean). */
  nodeBuiltins: string[];
}

/**
 * Bundles the page script `entry` for the browser as a user's esbuild build would (`platform: 'browser'`, ESM,
 * package `exports` with the `browser` condition), writes it to `outputFolder`, and lists every
 * Node built-in left in it: imports esbuild kept external, and `from`/`require`/`import()` of a
 * built-in in the output text.
 *
 * @throws Error with esbuild's messages when the build fails (an unresolvable `fs` is one)
 */
export async function bundleForBrowser(entry: BrowserEntry, outputFolder: string): Promise<BrowserBundle> {
  const fileName = 'app.js';
  let metafile: Metafile;
  try {
    const result = await build({
      stdin: { contents: entry.contents, resolveDir: entry.resolveDir, sourcefile: 'page.js', loader: 'js' },
      outfile: path.join(outputFolder, fileName),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      metafile: true,
      logLevel: 'silent',
      write: true,
    });
    metafile = result.metafile;
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string } | null }[] }).errors ?? [];
    const details = errors.map((e) => `${e.location?.file ?? '?'}: ${e.text}`).join('\n');
    throw new Error(`Expected the browser bundle of the page in ${entry.resolveDir} to build, received esbuild errors:\n${details || (error as Error).message}`);
  }
  const found = new Set<string>();
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    for (const imported of imports) if (imported.external === true) found.add(`${imported.path} (imported by ${input})`);
  }
  const code = await readFile(path.join(outputFolder, fileName), 'utf8');
  for (const builtin of findNodeBuiltins(code, fileName)) found.add(builtin);
  return { fileName, code, nodeBuiltins: [...found] };
}

/**
 * The imports of Node built-ins in a bundle's text — `from "fs"`, `require("node:zlib")`,
 * `import("stream")` — each with its line, skipping tfjs-backend-wasm's inlined worker source.
 */
export function findNodeBuiltins(code: string, fileName: string): string[] {
  const scanned = code.replace(WASM_WORKER_SOURCE, (worker) => worker.replace(/[^\n]/g, ' '));
  return [...scanned.matchAll(BUILTIN_IMPORT)].map((match) => {
    const line = scanned.slice(0, match.index).split('\n').length;
    return `${match[1]} (${fileName} line ${line}: ${match[0]})`;
  });
}
