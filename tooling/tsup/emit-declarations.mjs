#!/usr/bin/env node
// @ts-check
/**
 * Writes a package's `dist/**.d.ts` (ESM) and `dist/**.d.cts` (CommonJS) from `tsc`'s per-file
 * declarations (`tsconfig.build.json` in the working directory), for the packages whose bundled
 * `.d.ts` is broken: rollup-plugin-dts (through tsup) writes a namespace that re-exports another
 * package (`export * as augment from './augment'` where augment has `export * from '@dendrite/augment'`)
 * as JavaScript (`function _mergeNamespaces…`, `var augment = …`), and types as values, which fail
 * `skipLibCheck: false` in a user's project. Relative specifiers get the extension each module
 * system resolves: `./augment.js` → `augment.d.ts`, `./augment.cjs` → `augment.d.cts`
 * (`./dir/index.js` for a folder).
 *
 * Usage (package.json): `"build": "tsup && node ../../tooling/tsup/emit-declarations.mjs"`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const packageDir = process.cwd();
const outDir = join(packageDir, '.declarations');
const distDir = join(packageDir, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(outDir, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(packageDir, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });

// A `../package.json` import roots tsc's output at the package instead of at src/.
const rootDir = existsSync(join(outDir, 'src')) ? join(outDir, 'src') : outDir;
// `from './x'`, `import './x'` (kept side-effect imports) and `import('./x')` types.
const relativeSpecifier = /(from\s+|import\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]*?)\2/g;

/** @param {string} dir @returns {string[]} */
function declarationFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./x` → `./x` + extension, or `./x/index` + extension when x is a folder. */
function withExtension(fromFile, specifier, extension) {
  const target = resolve(dirname(fromFile), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}${extension}`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index${extension}`;
  return specifier;
}

for (const file of declarationFiles(rootDir)) {
  const text = readFileSync(file, 'utf8');
  const target = join(distDir, relative(rootDir, file)).slice(0, -'.d.ts'.length);
  mkdirSync(dirname(target), { recursive: true });
  for (const [extension, suffix] of [['.js', '.d.ts'], ['.cjs', '.d.cts']]) {
    const rewritten = text.replace(relativeSpecifier, (_, lead, quote, path) => `${lead}${quote}${withExtension(file, path, extension)}${quote}`);
    writeFileSync(`${target}${suffix}`, rewritten);
  }
}
rmSync(outDir, { recursive: true, force: true });
