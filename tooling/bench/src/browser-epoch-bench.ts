import { readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mnist } from '@dendrite/datasets';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { formatTable } from './measure';

const pageFolder = fileURLToPath(new URL('../browser', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

interface PageResult {
  tfjsLayers: number[];
  dendrite: number[];
  info: { name: string; simd: boolean; threads: number };
  rows: number;
  error?: string;
}

/** Serves `folder` on 127.0.0.1 at a free port. */
async function serve(folder: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const file = path.join(folder, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'));
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const shown = (seconds: number[]) => `${Math.min(...seconds).toFixed(2)} s (${seconds.map((value) => value.toFixed(2)).join(', ')})`;

/**
 * One epoch of seed 000's MNIST MLP (48 000 + 12 000 validation, batch 128, Adam) in headless
 * Chromium: tfjs-layers on the stock wasm kernels and Dendrite with its own, in the same page on
 * the same tensors (the page: `browser/epoch-page.ts`, built by Vite from the built packages),
 * after the same warm-up; two epochs each, the faster reported, and their ratio.
 */
export async function browserMnistEpochBench(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'dendrite-bench-browser-'));
  try {
    await build({ root: pageFolder, configFile: false, logLevel: 'error', base: './', build: { outDir: folder, target: 'es2022', chunkSizeWarningLimit: 100_000 } });
    const { train } = await mnist();
    await mkdir(path.join(folder, 'data'));
    await writeFile(path.join(folder, 'data/train-images.u8'), train.x.values instanceof Uint8Array ? train.x.values : Uint8Array.from(train.x.values));
    await writeFile(path.join(folder, 'data/train-labels.u8'), Uint8Array.from(train.y.values));
    const server = await serve(folder);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => (window as { __bench?: unknown }).__bench !== undefined, undefined, { timeout: 1_200_000, polling: 1000 });
      const result = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as PageResult;
      if (result.error) throw new Error(`The bench page failed: ${result.error}`);
      const ratio = Math.min(...result.tfjsLayers) / Math.min(...result.dendrite);
      const where = `Chromium ${browser.version()}, ${result.info.name}${result.info.simd ? ' SIMD' : ''}, ${result.info.threads} thread(s), ${result.rows} images`;
      return `${formatTable(['library', 'epoch'], [['tfjs-layers (stock wasm kernels)', shown(result.tfjsLayers)], ['Dendrite', shown(result.dendrite)]])}\n\n${where}: Dendrite is ${ratio.toFixed(2)}× tfjs-layers' speed.`;
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
