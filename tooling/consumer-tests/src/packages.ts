import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A workspace package that is published (not `private`). */
export interface PublishedPackage {
  name: string;
  version: string;
  dir: string;
}

/** The publishable packages of the workspace: every `packages/*` without `"private": true`. */
export function publishedPackages(repositoryRoot: string): PublishedPackage[] {
  const parent = join(repositoryRoot, 'packages');
  return readdirSync(parent)
    .map((name) => join(parent, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean } }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir }));
}

/** What `pnpm pack` made of one package. */
export interface Tarball {
  pkg: PublishedPackage;
  file: string;
  bytes: number;
  entries: string[];
}

/**
 * Packs a package with pnpm (which turns `workspace:^` into versions) without its `prepack`
 * build: the test runs after `pnpm build`, and nine builds would not fit its time.
 */
export async function pack(pkg: PublishedPackage, destination: string): Promise<Tarball> {
  if (!existsSync(join(pkg.dir, 'dist', 'index.js'))) throw new Error(`Expected ${pkg.name} to be built (${pkg.dir}/dist), found no dist/index.js: run \`npx -y pnpm@9 build\` first`);
  // One folder per package: the packs run side by side.
  const folder = join(destination, pkg.name.replace('@', '').replace('/', '-'));
  mkdirSync(folder, { recursive: true });
  await promisify(execFile)('npx', ['--prefer-offline', '-y', 'pnpm@9', 'pack', '--pack-destination', folder], {
    cwd: pkg.dir,
    env: { ...process.env, npm_config_ignore_scripts: 'true' },
  });
  const made = readdirSync(folder);
  if (made.length !== 1) throw new Error(`Expected pnpm pack to make one tarball for ${pkg.name}, it made ${made.join(', ') || 'none'}`);
  const file = join(folder, made[0]!);
  const entries = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
  return { pkg, file, bytes: statSync(file).size, entries };
}

/** Why a tarball entry must not ship, or undefined when it may. */
export function forbiddenEntry(entry: string): string | undefined {
  const path = entry.replace(/^package\//, '');
  // dist/testing/ is a built entry (`@dendrite/backend/testing`), not test files.
  if (!path.startsWith('dist/') && /(^|\/)(__tests__|test|tests|fixtures|__fixtures__|testing)\//.test(path)) return 'a test or fixture folder';
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(path)) return 'a test file';
  if (/\.[cm]?tsx?$/.test(path) && !/\.d\.[cm]?ts$/.test(path)) return 'TypeScript source';
  if (path.startsWith('src/')) return 'the source folder';
  return undefined;
}

/** The source maps in a tarball that embed source text (`sourcesContent`). */
export function mapsWithSources(tarball: Tarball): string[] {
  return tarball.entries
    .filter((entry) => entry.endsWith('.map'))
    .filter((entry) => execFileSync('tar', ['-xzOf', tarball.file, entry], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).includes('"sourcesContent"'));
}
