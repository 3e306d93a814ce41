/**
 * The library in a real Chromium (issue 17), one page for every test: backend selection as the
 * browser itself reports its GPUs (headless with `--disable-gpu`: no WebGPU adapter, WebGL only
 * through SwiftShader), the layers training on tfjs's stock WebGL kernels as they train on cpu,
 * and saving in the page (localStorage, IndexedDB, downloads, files). The page imports the
 * packages from source (see buildSourcePage), so it tests this tree without a build.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSourcePage } from './testing/build-source-page';
import { launchChromium } from './testing/launch-chromium';
import { serveFolder, type StaticServer } from './testing/static-server';

type Dendrite = typeof import('./index');
declare global {
  interface Window {
    dn: Dendrite;
  }
}

const PAGE_SCRIPT = `import * as dn from 'dendrite'; window.dn = dn;`;

let folder: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const requested: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'dendrite-gpu-page-'));
  await buildSourcePage(PAGE_SCRIPT, folder);
  server = await serveFolder(folder);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.dn !== undefined);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('backend selection in Chromium', () => {
  it('passes over the GPU APIs this headless browser lacks or emulates, saying why, takes wasm SIMD and loads no GPU package', async () => {
    const info = await page.evaluate(() => window.dn.selectBackend());
    expect(info).toMatchObject({ name: 'wasm', simd: true });
    expect(info.reason).toMatch(/webgpu: navigator\.gpu(\.requestAdapter\(\) returned null| is missing)/);
    expect(info.reason).toMatch(/webgl: WebGL draws in software on ANGLE \(.*SwiftShader.*\) \(WebGL 2\), slower than wasm SIMD/);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('keeps the order when a page reports an adapter: webgpu tried first, its refusal reported, then webgl and wasm', async () => {
    const info = await page.evaluate(() =>
      window.dn.selectBackend({ probes: { webgpu: async () => ({ found: true, description: 'a stand-in adapter', software: false, float32: true }) } }),
    );
    expect(info.name).toBe('wasm');
    expect(info.reason).toMatch(/webgpu: tfjs could not initialise the "webgpu" backend.*; webgl: WebGL draws in software/);
  }, 60_000);

  it('takes WebGL when asked for it, on the software renderer, with tfjs-backend-webgl loaded only then', async () => {
    const scriptsBefore = requested.filter((url) => url.endsWith('.js')).length;
    const info = await page.evaluate(() => window.dn.selectBackend({ prefer: 'webgl' }));
    expect(info).toMatchObject({ name: 'webgl', tfBackend: 'webgl', simd: false });
    expect(info.reason).toMatch(/^webgl: requested by options\.prefer; WebGL on ANGLE .*SwiftShader.*, a software renderer; tfjs's stock webgl kernels$/);
    expect(requested.filter((url) => url.endsWith('.js')).length, 'the chunk of tfjs-backend-webgl').toBeGreaterThan(scriptsBefore);
  }, 60_000);

  it('trains the course’s layers on WebGL as on cpu: the same losses, no tensor left behind', async () => {
    const runs = await page.evaluate(async () => {
      const dn = window.dn;
      const L = dn.layers;
      /** Fixed data from a linear congruential generator, the same on both backends. */
      const values = (count: number, seed: number) => {
        let state = seed;
        return Float32Array.from({ length: count }, () => ((state = (state * 1664525 + 1013904223) % 4294967296) / 4294967296) * 2 - 1);
      };
      const cases: Array<[string, () => ReturnType<Dendrite['sequential']>, number[], 'dense' | 'tokens']> = [
        ['dense, relu, softmax', () => dn.sequential({ layers: [L.dense({ units: 8, activation: 'relu', inputShape: [6] }), L.dense({ units: 3, activation: 'softmax' })] }), [6], 'dense'],
        ['conv2d, maxPooling2d, batchNormalization, flatten', () => dn.sequential({ layers: [L.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 2] }), L.maxPooling2d({ poolSize: 2 }), L.batchNormalization(), L.flatten(), L.dense({ units: 3, activation: 'softmax' })] }), [8, 8, 2], 'dense'],
        ['separableConv2d, depthwiseConv2d, averagePooling2d, globalAveragePooling2d, layerNormalization', () => dn.sequential({ layers: [L.separableConv2d({ filters: 4, kernelSize: 3, padding: 'same', inputShape: [8, 8, 2] }), L.depthwiseConv2d({ kernelSize: 3 }), L.averagePooling2d({ poolSize: 2 }), L.globalAveragePooling2d(), L.layerNormalization(), L.dense({ units: 3, activation: 'softmax' })] }), [8, 8, 2], 'dense'],
        ['conv2dTranspose, zeroPadding2d, cropping2d, upSampling2d, globalMaxPooling2d', () => dn.sequential({ layers: [L.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, inputShape: [4, 4, 2] }), L.zeroPadding2d({ padding: 1 }), L.cropping2d({ cropping: 2 }), L.upSampling2d({ size: 2 }), L.globalMaxPooling2d(), L.dense({ units: 3, activation: 'softmax' })] }), [4, 4, 2], 'dense'],
        ['conv1d, upSampling1d, globalMaxPooling1d', () => dn.sequential({ layers: [L.conv1d({ filters: 4, kernelSize: 3, inputShape: [10, 3] }), L.upSampling1d({ size: 2 }), L.globalMaxPooling1d(), L.dense({ units: 3, activation: 'softmax' })] }), [10, 3], 'dense'],
        ['embedding, lstm', () => dn.sequential({ layers: [L.embedding({ inputDim: 20, outputDim: 4, inputShape: [5] }), L.lstm({ units: 6 }), L.dense({ units: 3, activation: 'softmax' })] }), [5], 'tokens'],
        ['bidirectional gru, simpleRNN', () => dn.sequential({ layers: [L.bidirectional({ layer: L.gru({ units: 4, returnSequences: true }), inputShape: [5, 3] }), L.simpleRNN({ units: 4 }), L.dense({ units: 3, activation: 'softmax' })] }), [5, 3], 'dense'],
      ];
      const results: Record<string, Record<string, number[] | number>> = {};
      for (const backend of ['cpu', 'webgl'] as const) {
        await dn.selectBackend({ prefer: backend });
        for (const [name, build, shape, kind] of cases) {
          dn.setSeed(7);
          const model = build();
          model.compile({ optimizer: dn.optimizers.adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
          const size = 16 * shape.reduce((a, b) => a * b, 1);
          const x = kind === 'tokens' ? dn.tf.tensor(Array.from(values(size, 3), (v) => Math.floor((v + 1) * 9.99)), [16, ...shape], 'float32') : dn.tf.tensor(values(size, 3), [16, ...shape]);
          const y = dn.tf.oneHot(dn.tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 3), 'int32'), 3);
          const history = await model.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 });
          // Measured on a second fit: the first creates the optimizer's slot variables, which stay.
          const before = dn.tf.memory().numTensors;
          await model.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0 });
          const leaked = dn.tf.memory().numTensors - before;
          dn.tf.dispose([x, y]);
          model.dispose?.();
          results[name] = { ...results[name], [backend]: history.history.loss as number[], [`${backend} leaked`]: leaked };
        }
      }
      return results;
    });
    for (const [name, run] of Object.entries(runs)) {
      expect(run['webgl leaked'], name).toBe(0);
      expect(run['cpu leaked'], name).toBe(0);
      const [cpu, webgl] = [run.cpu as number[], run.webgl as number[]];
      expect(webgl.every(Number.isFinite), `${name}: ${webgl}`).toBe(true);
      for (let epoch = 0; epoch < cpu.length; epoch++) expect(webgl[epoch], `${name}, epoch ${epoch + 1}`).toBeCloseTo(cpu[epoch], 3);
    }
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});

/** Builds the same small model in the page (seeded) and keeps it as `window.saved`; returns its predictions. */
async function makeModelInPage(): Promise<number[]> {
  return page.evaluate(async () => {
    const dn = window.dn;
    await dn.selectBackend({ prefer: 'wasm' });
    dn.setSeed(3);
    const model = dn.sequential({ layers: [dn.layers.dense({ units: 5, activation: 'relu', inputShape: [4] }), dn.layers.dense({ units: 2, activation: 'softmax' })] });
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    (window as unknown as { saved: typeof model }).saved = model;
    const x = dn.tf.tensor2d([[0.1, -0.2, 0.3, 0.4], [1, 2, -3, 0.5]]);
    const y = model.predict(x, { verbose: 0 }) as ReturnType<typeof dn.tf.tensor2d>;
    const values = Array.from(await y.data());
    dn.tf.dispose([x, y]);
    return values;
  });
}

/** Loads a model in the page (from a URL, or from the files of `#model-files`) and returns its predictions. */
async function predictionsOfLoaded(source: string | 'input-files'): Promise<number[]> {
  return page.evaluate(async (from) => {
    const dn = window.dn;
    await dn.selectBackend({ prefer: 'wasm' });
    const input = document.querySelector<HTMLInputElement>('#model-files');
    const model = await dn.loadModel(from === 'input-files' ? input!.files! : from);
    const x = dn.tf.tensor2d([[0.1, -0.2, 0.3, 0.4], [1, 2, -3, 0.5]]);
    const before = dn.tf.memory().numTensors;
    const y = model.predict(x, { verbose: 0 }) as ReturnType<typeof dn.tf.tensor2d>;
    const values = Array.from(await y.data());
    y.dispose();
    if (dn.tf.memory().numTensors !== before) throw new Error('predict left tensors behind');
    x.dispose();
    return values;
  }, source);
}

async function reloadPage(): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => window.dn !== undefined);
}

describe('saving and loading in Chromium', () => {
  it('saves to localstorage:// and indexeddb://, and loads each back after a reload with identical predictions', async () => {
    const expected = await makeModelInPage();
    await page.evaluate(async () => {
      const saved = (window as unknown as { saved: { save(location: string): Promise<void> } }).saved;
      await saved.save('localstorage://dendrite-test');
      await saved.save('indexeddb://dendrite-test');
    });
    await reloadPage();
    expect(await predictionsOfLoaded('localstorage://dendrite-test')).toEqual(expected);
    expect(await predictionsOfLoaded('indexeddb://dendrite-test')).toEqual(expected);
  }, 60_000);

  it('downloads .keras, .h5 and model.json + weights (Playwright download events), and loads each back from File inputs', async () => {
    const expected = await makeModelInPage();
    const downloadFolder = path.join(folder, 'downloads');
    const downloaded: Record<string, string[]> = {};
    for (const [location, count] of [['downloads://m.keras', 1], ['downloads://m.h5', 1], ['downloads://m', 2]] as const) {
      const files: string[] = [];
      const done = new Promise<void>((resolve) => {
        const onDownload = async (download: import('playwright-core').Download) => {
          const target = path.join(downloadFolder, location.replace('downloads://', ''), download.suggestedFilename());
          await download.saveAs(target);
          files.push(target);
          if (files.length === count) {
            page.off('download', onDownload);
            resolve();
          }
        };
        page.on('download', onDownload);
      });
      await page.evaluate((where) => (window as unknown as { saved: { save(location: string): Promise<void> } }).saved.save(where), location);
      await done;
      downloaded[location] = files;
    }
    expect(downloaded['downloads://m.keras'].map((file) => path.basename(file))).toEqual(['m.keras']);
    expect(downloaded['downloads://m.h5'].map((file) => path.basename(file))).toEqual(['m.h5']);
    expect(downloaded['downloads://m'].map((file) => path.basename(file)).sort()).toEqual(['m.json', 'm.weights.bin']);
    await reloadPage();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.id = 'model-files';
      document.body.append(input);
    });
    for (const files of Object.values(downloaded)) {
      await page.setInputFiles('#model-files', files);
      expect(await predictionsOfLoaded('input-files'), files.join(', ')).toEqual(expected);
    }
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
