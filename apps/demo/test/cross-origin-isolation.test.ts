import { createServer, type ViteDevServer } from 'vite';
import { afterEach, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
let server: ViteDevServer | undefined;

afterEach(async () => {
  await server?.close();
  delete process.env.DEMO_CROSS_ORIGIN_ISOLATED;
});

/** The headers the demo's dev server answers its page with, under the given environment. */
async function pageHeaders(isolated: boolean): Promise<Headers> {
  if (isolated) process.env.DEMO_CROSS_ORIGIN_ISOLATED = '1';
  server = await createServer({ root, configFile, logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] }, server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  // The port the server got (resolvedUrls may name the configured default, 5173).
  const { port } = server.httpServer!.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/index.html`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return response.headers;
}

it('sends COOP and COEP with DEMO_CROSS_ORIGIN_ISOLATED=1 (what threaded wasm needs), and neither by default', async () => {
  const isolated = await pageHeaders(true);
  expect(isolated.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(isolated.get('cross-origin-embedder-policy')).toBe('require-corp');
  await server!.close();
  server = undefined;
  delete process.env.DEMO_CROSS_ORIGIN_ISOLATED;
  const plain = await pageHeaders(false);
  expect(plain.get('cross-origin-opener-policy')).toBeNull();
}, 60_000);
