import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as acorn from 'acorn';
import { build, type Metafile } from 'esbuild';

/** Node's built-in modules: none may be left in a browser bundle. */
export const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module', 'net',
  'os', 'path', 'perf_hooks', 'process', 'stream', 'string_decoder', 'tls', 'url', 'util', 'worker_threads', 'zlib',
];

/** A Node built-in's name, with or without `node:`, or one of its subpaths (`fs/promises`). */
const BUILTIN_NAME = new RegExp(String.raw`^(?:node:[\w/]+|(?:${NODE_BUILTINS.join('|')})(?:/[\w/]*)?)$`);

/** The page's script: its text, and the folder its imports resolve from. */
export interface BrowserEntry {
  contents: string;
  resolveDir: string;
}

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
      // A user's project: the packages through their exports, not this repository's tsconfig
      // paths (which map @dendrite/* to src/ and which esbuild would otherwise apply).
      tsconfigRaw: '{}',
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
 * The imports of Node built-ins in a bundle — `import … from "fs"`, `import("stream")`,
 * `require("node:zlib")` (and esbuild's `__require`) — found by parsing it, so that code held in
 * strings for workers (tfjs-backend-wasm's and Dendrite's thread workers, which run only in Node
 * or a worker made from that text) is not mistaken for an import of the page. Each with its line.
 */
export function findNodeBuiltins(code: string, fileName: string): string[] {
  let program: acorn.Node;
  try {
    program = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    program = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
  }
  const found: string[] = [];
  const report = (source: unknown, start: number, how: string) => {
    if (typeof source !== 'string' || !BUILTIN_NAME.test(source)) return;
    const line = code.slice(0, start).split('\n').length;
    found.push(`${source} (${fileName} line ${line}: ${how})`);
  };
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const current = node as { type?: string; start: number; source?: { value?: unknown }; callee?: { type: string; name?: string }; arguments?: Array<{ type: string; value?: unknown }> };
    if (current.type === 'ImportDeclaration' || current.type === 'ExportAllDeclaration' || current.type === 'ExportNamedDeclaration') {
      report(current.source?.value, current.start, 'import … from');
    } else if (current.type === 'ImportExpression') {
      report(current.source?.value, current.start, 'import()');
    } else if (current.type === 'CallExpression' && current.callee?.type === 'Identifier' && /^(?:require|__require)$/.test(current.callee.name ?? '')) {
      report(current.arguments?.[0]?.value, current.start, `${current.callee.name}()`);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && typeof value === 'object') visit(value);
  };
  visit(program);
  return found;
}
