import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** Options of {@link serveFolder}. */
export interface ServeFolderOptions {
  /**
   * Answer unknown paths with `index.html` (HTTP 200), as Vite's dev server and most single-page
   * hosts do, instead of a 404: the case where a page fetches HTML in place of a `.wasm` file.
   */
  indexFallback?: boolean;
  /**
   * Headers sent with every response, e.g. `crossOriginIsolation` below for a page that may share
   * memory with workers.
   */
  headers?: Record<string, string>;
}

/** The headers that make a page cross-origin isolated (`SharedArrayBuffer`, threaded wasm). */
export const crossOriginIsolation: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** A local HTTP server of one folder, and how to stop it. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the files of `folder` on 127.0.0.1 at a free port (tests of pages in a real browser).
 *
 * @example
 * ```ts
 * const server = await serveFolder(outputFolder);
 * await page.goto(server.url);
 * await server.close();
 * ```
 */
export async function serveFolder(folder: string, options: ServeFolderOptions = {}): Promise<StaticServer> {
  const root = path.resolve(folder);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      let file = path.join(root, pathname === '/' ? 'index.html' : pathname);
      if (!file.startsWith(root)) file = path.join(root, 'index.html');
      try {
        const body = await readFile(file).catch((error: NodeJS.ErrnoException) => {
          if (options.indexFallback === true && error.code === 'ENOENT') {
            file = path.join(root, 'index.html');
            return readFile(file);
          }
          throw error;
        });
        response.writeHead(200, { ...options.headers, 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end(`not found: ${pathname}`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
