/**
 * The packages as a stranger receives them: every publishable package is packed, published to a
 * Verdaccio started on a free loopback port, and installed with plain npm in clean projects, which
 * run the README's example (ESM and CommonJS), type-check it with `skipLibCheck: false` under
 * `node16` and `bundler`, use `@dendrite/layers` with `@dendrite/backend` alone, and load one
 * tfjs-core with the user's own. Needs the packages built (`npx -y pnpm@9 build`, which the root
 * `test` script runs first) and the npm registry, which Verdaccio proxies for third-party packages.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../packages/dendrite/src/testing/launch-chromium';
import { serveFolder } from '../../../packages/dendrite/src/testing/static-server';
import { forbiddenEntry, mapsWithSources, pack, publishedPackages, type Tarball } from '../src/packages';
import { startVerdaccio, type LocalRegistry } from '../src/verdaccio';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = join(here, '../../..');
const examples = join(here, '../examples');
const work = mkdtempSync(join(tmpdir(), 'dendrite-consumer-'));
const packages = publishedPackages(repositoryRoot);
/** The Vite the workspace builds its pages with (the demo's and the umbrella's browser tests). */
const viteVersion = (JSON.parse(readFileSync(join(repositoryRoot, 'packages/dendrite/node_modules/vite/package.json'), 'utf8')) as { version: string }).version;
/** The vitest the workspace tests with: the version a user's project installs for `@dendrite/layers/testing`. */
const vitestVersion = (JSON.parse(readFileSync(join(repositoryRoot, 'node_modules/vitest/package.json'), 'utf8')) as { version: string }).version;
let registry: LocalRegistry | undefined;
const tarballs: Tarball[] = [];

function upstreamRegistry(): string {
  const configured = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return configured.startsWith('http') ? configured : 'https://registry.npmjs.org/';
}

/** Runs a command without blocking the test worker; throws with its output when it fails. */
async function run(command: string, args: string[], cwd: string): Promise<string> {
  const env = { ...process.env, NODE_OPTIONS: '', npm_config_registry: registry!.url };
  try {
    const { stdout } = await promisify(execFile)(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed (${failure.code}) in ${cwd}:\n${failure.stdout}\n${failure.stderr}`);
  }
}

/** The last line a script printed, as JSON. */
async function runJson(dir: string, script: string): Promise<Record<string, unknown>> {
  return JSON.parse((await run(process.execPath, [script], dir)).trim().split('\n').pop()!) as Record<string, unknown>;
}

/** Runs `tsc`, returning the lines of its errors (none when it passes). */
async function tscErrors(cwd: string, project: string): Promise<string[]> {
  try {
    await promisify(execFile)(process.execPath, [join(cwd, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd, encoding: 'utf8' });
    return [];
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}`.split('\n').filter((line) => line.trim() !== '');
  }
}

/** A clean npm project in its own folder, installing `dependencies` from the local registry. */
async function project(name: string, type: 'module' | 'commonjs', dependencies: string[], files: string[]): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, version: '1.0.0', type }, null, 2));
  writeFileSync(join(dir, '.npmrc'), `registry=${registry!.url}\naudit=false\nfund=false\nupdate-notifier=false\n`);
  for (const file of files) copyFileSync(join(examples, file), join(dir, file));
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...dependencies], dir);
  return dir;
}

function tsconfig(dir: string, name: string, module: 'node16' | 'bundler', files: string[]): string {
  const compilerOptions = module === 'node16'
    ? { module: 'node16', moduleResolution: 'node16' }
    : { module: 'esnext', moduleResolution: 'bundler' };
  const config = { compilerOptions: { ...compilerOptions, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, lib: ['es2022', 'dom'] }, files };
  writeFileSync(join(dir, name), JSON.stringify(config, null, 2));
  return name;
}

beforeAll(async () => {
  const tarballDir = join(work, 'tarballs');
  mkdirSync(tarballDir);
  tarballs.push(...(await Promise.all(packages.map((pkg) => pack(pkg, tarballDir)))));
  mkdirSync(join(work, 'registry'));
  registry = await startVerdaccio(join(work, 'registry'), upstreamRegistry());
  const userConfig = join(work, 'publish.npmrc');
  writeFileSync(userConfig, `//${new URL(registry.url).host}/:_authToken=${registry.token}\n`);
  for (const tarball of tarballs) {
    await run('npm', ['publish', tarball.file, '--registry', registry.url, '--userconfig', userConfig, '--tag', 'latest', '--loglevel=error', '--ignore-scripts'], work);
  }
}, 240_000);

afterAll(async () => {
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the tarballs', () => {
  it('hold every publishable package, and report their sizes', () => {
    expect(tarballs.map((tarball) => tarball.pkg.name).sort()).toEqual(packages.map((pkg) => pkg.name).sort());
    expect(packages.length).toBeGreaterThanOrEqual(9);
    console.log(tarballs.map((t) => `${t.pkg.name.padEnd(22)} ${(t.bytes / 1024).toFixed(0).padStart(6)} kB packed, ${t.entries.length} files`).join('\n'));
  });

  it('carry no test files, fixtures, TypeScript source or source text in maps, and carry LICENSE and README', () => {
    for (const tarball of tarballs) {
      const forbidden = tarball.entries.flatMap((entry) => (forbiddenEntry(entry) ? [`${entry} (${forbiddenEntry(entry)})`] : []));
      expect(forbidden, tarball.pkg.name).toEqual([]);
      expect(mapsWithSources(tarball), `${tarball.pkg.name}: maps with sourcesContent`).toEqual([]);
      expect(tarball.entries, tarball.pkg.name).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json', 'package/dist/index.d.ts', 'package/dist/index.d.cts']));
    }
  });
});

describe('npm install dendrite in a clean project', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await project('app', 'module', ['dendrite', 'typescript@~5.9', '@types/node@^20'], ['example.mjs', 'example.cjs', 'example.ts', 'example.cts', 'type-error.ts']);
  }, 240_000);

  it('runs the example as ESM, with no process-wide handlers left behind', async () => {
    const result = await runJson(dir, 'example.mjs');
    expect(result).toMatchObject({ shape: [32, 1], handlers: 0, augment: 'function' });
    expect(Number.isFinite(result.loss)).toBe(true);
  });

  it('runs the example as CommonJS', async () => {
    const result = await runJson(dir, 'example.cjs');
    expect(result.shape).toEqual([16, 1]);
    expect(Number.isFinite(result.loss)).toBe(true);
  });

  for (const module of ['node16', 'bundler'] as const) {
    it(`type-checks the example with skipLibCheck: false under ${module} resolution, and reports a deliberate type error`, async () => {
      const files = module === 'node16' ? ['example.ts', 'example.cts', 'type-error.ts'] : ['example.ts', 'type-error.ts'];
      const errors = await tscErrors(dir, tsconfig(dir, `tsconfig.${module}.json`, module, files));
      expect(errors).toEqual([expect.stringContaining('type-error.ts(4,14): error TS2322')]);
    }, 120_000);
  }
});

describe('@dendrite/layers with @dendrite/backend alone', () => {
  it('builds and applies a layer without the umbrella package', async () => {
    const dir = await project('layers-alone', 'module', ['@dendrite/layers', '@dendrite/backend'], ['layers-alone.mjs']);
    expect(readdirSync(join(dir, 'node_modules'))).not.toContain('dendrite');
    const result = await runJson(dir, 'layers-alone.mjs');
    expect(result).toMatchObject({ shape: [5, 2], weights: 2 });
  }, 240_000);
});

describe('@dendrite/layers/testing in a user project', () => {
  it("tests the user's own layer with runLayerTest, on wasm and cpu, under the user's vitest", async () => {
    const dir = await project('layer-testing', 'module', ['@dendrite/layers', '@dendrite/backend', `vitest@${vitestVersion}`], ['custom-layer.test.ts']);
    await run(process.execPath, [join(dir, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', '--outputFile=results.json'], dir);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    expect(results).toMatchObject({ numPassedTests: 6, numFailedTests: 0, numPendingTests: 0 });
  }, 240_000);
});

describe("the user's own @tensorflow/tfjs-core", () => {
  it('is the one instance Dendrite uses', async () => {
    const dir = await project('own-tfjs-core', 'module', ['dendrite', '@tensorflow/tfjs-core@4.22.0'], ['one-tfjs-core.mjs']);
    const copies = (await run('find', ['node_modules', '-path', '*/@tensorflow/tfjs-core/package.json'], dir)).trim().split('\n');
    expect(copies).toEqual(['node_modules/@tensorflow/tfjs-core/package.json']);
    const result = await runJson(dir, 'one-tfjs-core.mjs');
    expect(result).toMatchObject({ sameEngine: true, backend: 'cpu', sum: 6, version: '4.22.0' });
  }, 240_000);
});

describe('the Vite browser build of the smallest page', () => {
  it('selects wasm with SIMD with no configuration, fits and predicts in Chromium, with no console error', async () => {
    const dir = await project('vite-page', 'module', ['dendrite', `vite@${viteVersion}`], []);
    cpSync(join(examples, 'vite-page'), dir, { recursive: true });
    await run(process.execPath, [join(dir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], dir);
    expect(readdirSync(join(dir, 'dist/assets')).filter((name) => name.endsWith('.wasm'))).toHaveLength(3);
    const server = await serveFolder(join(dir, 'dist'));
    const browser = await launchChromium();
    const consoleErrors: string[] = [];
    try {
      const page = await browser.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
      await page.goto(server.url);
      await page.waitForSelector('#result[data-state]', { state: 'attached', timeout: 90_000 });
      const result = JSON.parse((await page.textContent('#result')) ?? '') as Record<string, unknown>;
      expect(result.error).toBeUndefined();
      expect(consoleErrors).toEqual([]);
      expect(result.info).toMatchObject({ name: 'wasm', tfBackend: 'wasm', simd: true });
      expect(result.selected).toEqual(result.info);
      expect(result).toMatchObject({ shape: [16, 2], finite: true, leaked: 0 });
      expect(Number.isFinite(result.loss)).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 300_000);
});
