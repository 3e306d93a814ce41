/**
 * Threaded wasm in a real Chromium (issues 17 and 20): one page build, served twice — with the
 * cross-origin isolation headers (COOP `same-origin`, COEP `require-corp`) and without. In the
 * isolated page `selectBackend()` starts tfjs-backend-wasm's threaded SIMD build with
 * `navigator.hardwareConcurrency` threads (emulated as 4, so the test means the same on any
 * machine) and splits Dendrite's own kernels over as many page workers; in the other it runs one
 * thread and says why. Training agrees across the two.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSourcePage } from './testing/build-source-page';
import { launchChromium } from './testing/launch-chromium';
import { crossOriginIsolation, serveFolder, type StaticServer } from './testing/static-server';

type Dendrite = typeof import('./index');
declare global {
  interface Window {
    dn: Dendrite;
  }
}

const PAGE_SCRIPT = `import * as dn from 'dendrite'; window.dn = dn;`;
/** The cores the pages report (`navigator.hardwareConcurrency`, emulated). */
const CORES = 4;

let folder: string;
let servers: StaticServer[] = [];
let browser: Browser;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'dendrite-threads-page-'));
  await buildSourcePage(PAGE_SCRIPT, folder);
  servers = [await serveFolder(folder, { headers: crossOriginIsolation }), await serveFolder(folder)];
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A page reporting {@link CORES} cores, with the URLs it requested and its console errors. */
async function openPage(url: string): Promise<{ page: Page; requested: string[]; errors: string[] }> {
  const page = await browser.newPage();
  // Counts the workers of Dendrite's kernel pool (their first message starts them on the control block).
  await page.addInitScript(() => {
    const PageWorker = window.Worker;
    (window as unknown as { poolWorkers: number }).poolWorkers = 0;
    window.Worker = class extends PageWorker {
      override postMessage(message: unknown, options?: unknown): void {
        if ((message as { type?: string } | null)?.type === 'start') (window as unknown as { poolWorkers: number }).poolWorkers++;
        super.postMessage(message, options as StructuredSerializeOptions);
      }
    };
  });
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: CORES });
  const requested: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.dn !== undefined);
  return { page, requested, errors };
}

/**
 * selectBackend() with its defaults, then two seeded Adam epochs of a small MLP, large enough that
 * its matmuls and Adam updates split over the kernel pool: the info, the weights after it, the
 * pool's workers and the tensors the second epoch left.
 */
function selectAndTrain(page: Page) {
  return page.evaluate(async () => {
    const dn = window.dn;
    const info = await dn.selectBackend();
    dn.setSeed(11);
    const model = dn.sequential({ layers: [dn.layers.dense({ units: 256, activation: 'relu', inputShape: [256] }), dn.layers.dense({ units: 4, activation: 'softmax' })] });
    model.compile({ optimizer: dn.optimizers.adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
    let state = 5;
    const x = dn.tf.tensor2d(Float32Array.from({ length: 64 * 256 }, () => ((state = (state * 1664525 + 1013904223) % 4294967296) / 4294967296) * 2 - 1), [64, 256]);
    const y = dn.tf.oneHot(dn.tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 4), 'int32'), 4);
    await model.fit(x, y, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 });
    const before = dn.tf.memory().numTensors;
    await model.fit(x, y, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 });
    const leaked = dn.tf.memory().numTensors - before;
    const weights = await Promise.all(model.getWeights().map(async (w) => Array.from(await w.data())));
    dn.tf.dispose([x, y]);
    const poolWorkers = (window as unknown as { poolWorkers: number }).poolWorkers;
    return { info, isolated: globalThis.crossOriginIsolated, cores: navigator.hardwareConcurrency, poolWorkers, leaked, weights };
  });
}

describe('threaded wasm in Chromium', () => {
  it('starts the threaded SIMD build with every core in a cross-origin-isolated page, one thread (saying why) elsewhere, and trains alike on both', async () => {
    const isolated = await openPage(servers[0].url);
    const plain = await openPage(servers[1].url);
    const threaded = await selectAndTrain(isolated.page);
    const single = await selectAndTrain(plain.page);

    expect(threaded.isolated).toBe(true);
    expect(threaded.info).toMatchObject({ name: 'wasm', simd: true, threads: CORES });
    expect(threaded.info.reason).toMatch(new RegExp(`WebAssembly SIMD, ${CORES} thread\\(s\\): every core \\(${CORES}\\)$`));
    expect(threaded.poolWorkers, "the workers of Dendrite's kernel pool").toBe(CORES - 1);
    expect(threaded.cores, 'navigator.hardwareConcurrency put back after the start').toBe(CORES);
    expect(isolated.requested.filter((url) => url.endsWith('.wasm')).map((url) => path.basename(url))).toContain('tfjs-backend-wasm-threaded-simd.wasm');
    expect(await isolated.page.evaluate(() => window.dn.getBackendInfo()?.threads)).toBe(CORES);

    expect(single.isolated).toBe(false);
    expect(single.poolWorkers).toBe(0);
    expect(single.info).toMatchObject({ name: 'wasm', simd: true, threads: 1 });
    expect(single.info.reason).toMatch(/1 thread\(s\): the page is not cross-origin isolated.*Cross-Origin-Embedder-Policy: require-corp/);
    expect(plain.requested.map((url) => path.basename(url))).not.toContain('tfjs-backend-wasm-threaded-simd.wasm');

    // The stock kernels may order their sums differently across threads: 1e-6 relative.
    expect(threaded.weights.map((w) => w.length)).toEqual(single.weights.map((w) => w.length));
    threaded.weights.forEach((weight, index) => {
      const scale = Math.max(...single.weights[index].map(Math.abs), 1e-30);
      const worst = Math.max(...weight.map((value, i) => Math.abs(value - single.weights[index][i])));
      expect(worst / scale, `weight ${index}`).toBeLessThanOrEqual(1e-6);
    });
    expect([threaded.leaked, single.leaked]).toEqual([0, 0]);
    expect([...isolated.errors, ...plain.errors]).toEqual([]);
  }, 120_000);
});
