/**
 * The umbrella as a browser user gets it (issue 17): bundled by esbuild for the browser from the
 * BUILT packages (each `@dendrite/*` resolved through its package.json `exports` to `dist/`, with
 * the `.wasm` files @dendrite/backend ships), then run in a real Chromium. The built dist, not the
 * source, because what breaks in a browser is what the published packages import and ship; the
 * README's test command builds every package before vitest runs. A Vite production build and a
 * webpack 5 build of the same page check that both follow `new URL('./….wasm', import.meta.url)`
 * with no configuration, and that webpack (which polyfills no Node built-in) needs none.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, type BrowserBundle } from './testing/bundle-for-browser';
import { launchChromium } from './testing/launch-chromium';
import { serveFolder } from './testing/static-server';
import { webpackForBrowser } from './testing/webpack-for-browser';

const packageFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const backendDist = path.join(packageFolder, 'node_modules/@dendrite/backend/dist');

const INDEX_HTML = (script: string): string =>
  `<!doctype html><meta charset="utf-8"><title>dendrite</title><link rel="icon" href="data:,"><script type="module" src="${script}"></script>\n`;

/** The page: select a backend with no configuration, fit and predict a tiny model, report. */
const pageScript = (umbrella: string): string => `
import * as dn from '${umbrella}';
const report = (result) => { window.__result = result; };
try {
  const info = await dn.selectBackend();
  const model = dn.sequential({ layers: [dn.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: dn.optimizers.sgd({ learningRate: 0.1 }), loss: 'mse' });
  const x = dn.tf.tensor2d([[-1], [0], [1], [2]]);
  const y = dn.tf.tensor2d([[-1], [1], [3], [5]]);
  const three = dn.tf.tensor2d([[3]]);
  const beforeFit = dn.tf.memory().numTensors;
  const history = await model.fit(x, y, { epochs: 200, verbose: 0 });
  const beforePredict = dn.tf.memory().numTensors;
  const prediction = model.predict(three);
  const predicted = (await prediction.data())[0];
  prediction.dispose();
  const leaked = { fit: beforePredict - beforeFit, predict: dn.tf.memory().numTensors - beforePredict };
  dn.tf.dispose([x, y, three]);
  report({ info, predicted, loss: history.history.loss.at(-1), leaked });
} catch (error) {
  report({ error: String(error && error.stack || error) });
}
`;

async function builtOrFail(): Promise<void> {
  const missing: string[] = [];
  for (const name of ['dendrite', 'backend', 'layers', 'models', 'optimizers', 'losses', 'callbacks', 'datasets', 'augment', 'tuner']) {
    const dist = path.join(packageFolder, '..', name, 'dist/index.js');
    await stat(dist).catch(() => missing.push(dist));
  }
  if (missing.length > 0) {
    throw new Error(`Expected the packages built (the README's test command builds them; or run pnpm build), received no ${missing.join(', ')}`);
  }
}

interface PageRun {
  result: { error?: string; info?: { name: string; simd: boolean; reason: string }; predicted?: number; loss?: number; leaked?: { fit: number; predict: number } };
  consoleErrors: string[];
}

/** Serves `folder` (optionally answering unknown paths with index.html) and runs the page in it. */
async function runPage(browser: Browser, folder: string, indexFallback: boolean): Promise<PageRun> {
  const server = await serveFolder(folder, { indexFallback });
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, { timeout: 90_000 });
    const result = (await page.evaluate(() => (window as { __result?: unknown }).__result)) as PageRun['result'];
    return { result, consoleErrors };
  } finally {
    await page.close();
    await server.close();
  }
}

describe('the umbrella in a browser bundle', () => {
  let folder: string;
  let bundle: BrowserBundle;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await builtOrFail();
    folder = await mkdtemp(path.join(tmpdir(), 'dendrite-browser-'));
    // Vite's layout: index.html at the root, the bundle and its assets in assets/. tfjs-backend-wasm
    // alone would look for the binaries at the root (the page's folder), not beside the bundle.
    bundle = await bundleForBrowser({ contents: pageScript('./dist/index.js'), resolveDir: packageFolder }, path.join(folder, 'assets'));
    await writeFile(path.join(folder, 'index.html'), INDEX_HTML('./assets/app.js'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('leaves no Node built-in in the bundle', () => {
    expect(bundle.nodeBuiltins).toEqual([]);
  });

  it('keeps the wasm URLs bundlers follow: new URL("./tfjs-backend-wasm-simd.wasm", import.meta.url)', async () => {
    const followed = /new URL\(["']\.\/tfjs-backend-wasm-simd\.wasm["'], import\.meta\.url\)/.test(bundle.code);
    expect(followed, 'the bundle points at the binaries with new URL(…, import.meta.url)').toBe(true);
    expect((await readdir(backendDist)).filter((name) => name.endsWith('.wasm')).sort()).toEqual([
      'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm', 'tfjs-backend-wasm.wasm',
    ]);
  });

  it('reports the wasm URL it tried and what came back when the binaries are not served', async () => {
    browser ??= await launchChromium();
    const { result } = await runPage(browser, folder, true);
    expect(result.error).toBeUndefined();
    expect(result.info?.name).toBe('cpu');
    const simdUrl = `http://127.0.0.1:\\d+/assets/tfjs-backend-wasm-simd\\.wasm`;
    expect(result.info?.reason).toMatch(new RegExp(`wasm: .*fetched ${simdUrl}: HTTP 200, text/html; charset=utf-8, starting "<!doctyp" \\(not WebAssembly\\)`));
  }, 120_000);

  it('selects wasm with SIMD with no configuration, fits and predicts, with no console error', async () => {
    // What the README tells esbuild users: the .wasm files of @dendrite/backend/dist beside the bundle.
    for (const name of await readdir(backendDist)) if (name.endsWith('.wasm')) await copyFile(path.join(backendDist, name), path.join(folder, 'assets', name));
    browser ??= await launchChromium();
    expectTrainedOnWasm(await runPage(browser, folder, false));
  }, 120_000);

  it('does the same from a Vite production build, which copies the .wasm files itself', async () => {
    const app = path.join(folder, 'vite-app');
    await mkdir(app);
    await writeFile(path.join(app, 'main.js'), pageScript(path.join(packageFolder, 'dist/index.js')));
    await writeFile(path.join(app, 'index.html'), INDEX_HTML('./main.js'));
    await viteBuild({ root: app, configFile: false, logLevel: 'error', build: { outDir: path.join(app, 'dist'), target: 'es2022', minify: false, chunkSizeWarningLimit: 10_000 } });
    expect((await readdir(path.join(app, 'dist/assets'))).filter((name) => name.endsWith('.wasm'))).toHaveLength(3);
    browser ??= await launchChromium();
    expectTrainedOnWasm(await runPage(browser, path.join(app, 'dist'), false));
  }, 180_000);
});

describe('the umbrella in a webpack 5 browser bundle', () => {
  let folder: string | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('needs no Node built-in, emits the .wasm files it follows, and trains on wasm SIMD in Chromium', async () => {
    await builtOrFail();
    folder = await mkdtemp(path.join(tmpdir(), 'dendrite-webpack-'));
    const bundle = await webpackForBrowser({ contents: pageScript('./dist/index.js'), resolveDir: packageFolder }, path.join(folder, 'assets'));
    expect(bundle.nodeBuiltins).toEqual([]);
    expect(bundle.assets.filter((name) => name.endsWith('.wasm'))).toHaveLength(3);
    await writeFile(path.join(folder, 'index.html'), INDEX_HTML('./assets/app.js'));
    browser = await launchChromium();
    expectTrainedOnWasm(await runPage(browser, folder, false));
  }, 180_000);
});

function expectTrainedOnWasm({ result, consoleErrors }: PageRun): void {
  expect(result.error).toBeUndefined();
  expect(consoleErrors).toEqual([]);
  expect(result.info).toMatchObject({ name: 'wasm', simd: true });
  expect(result.loss).toBeLessThan(1e-3);
  expect(result.predicted).toBeCloseTo(7, 1);
  expect(result.leaked).toEqual({ fit: 0, predict: 0 });
}
