import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateFile } from './locate-file';

const BODY = new TextEncoder().encode('4,2,setosa,versicolor\n5.1,3.5,1.4,0.2,0\n');
const SHA = createHash('sha256').update(BODY).digest('hex');
const GZIPPED = gzipSync(BODY);
/** 64 MiB of zeros in a ~64 KB gzip stream: a decompression bomb. */
const BOMB = gzipSync(new Uint8Array(64 * 2 ** 20), { level: 9 });
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const bodies: Record<string, Uint8Array> = { '/iris.csv': BODY, '/iris.csv.gz': GZIPPED, '/bomb.gz': BOMB };
    const body = bodies[request.url ?? ''];
    if (body) {
      response.writeHead(200, { 'content-length': String(body.length) });
      response.end(body);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every file under `dir`, relative. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1)).sort();
}

describe('downloads into the cache', () => {
  it('checks the sha256, renames into the cache and writes nothing else anywhere', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dendrite-download-'));
    const cacheDir = join(root, 'cache');
    const progress: number[] = [];
    const path = await locateFile('toy', { name: 'iris.csv', url: `${base}/iris.csv`, sha256: SHA }, { cacheDir, onProgress: (received) => progress.push(received) });
    expect(path).toBe(join(cacheDir, 'toy', 'iris.csv'));
    expect(new Uint8Array(readFileSync(path))).toEqual(BODY);
    expect(progress.at(-1)).toBe(BODY.length);
    expect(tree(root)).toEqual(['cache/toy/iris.csv']);
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a wrong checksum or a failed request, leaving no file behind', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dendrite-download-'));
    const cacheDir = join(root, 'cache');
    await expect(locateFile('toy', { name: 'iris.csv', url: `${base}/iris.csv`, sha256: '0'.repeat(64) }, { cacheDir, onProgress: null })).rejects.toThrow(
      new RegExp(`downloading ${base}/iris\\.csv failed: Expected sha256 0{64} for ${base}/iris\\.csv, received ${SHA}`),
    );
    await expect(locateFile('toy', { name: 'gone.csv', url: `${base}/gone.csv` }, { cacheDir, onProgress: null })).rejects.toThrow(/Expected HTTP 200 from .*gone\.csv, received 404/);
    expect(tree(root)).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });

  it('gunzips a download before its checksum, within the caller\'s decompression limits', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dendrite-download-'));
    const cacheDir = join(root, 'cache');
    const path = await locateFile('toy', { name: 'iris.csv', url: `${base}/iris.csv.gz`, sha256: SHA, gunzipBeforeCheck: true }, { cacheDir, onProgress: null });
    expect(new Uint8Array(readFileSync(path))).toEqual(BODY);
    const bomb = { name: 'bomb.bin', url: `${base}/bomb.gz`, sha256: SHA, gunzipBeforeCheck: true };
    await expect(locateFile('toy', bomb, { cacheDir, onProgress: null, limits: { maxBytes: 2 ** 20 } })).rejects.toThrow(
      /Expected ".*bomb\.gz" to gunzip to at most 1048576 bytes, received a stream that grows past them/,
    );
    await expect(locateFile('toy', { ...bomb, url: `${base}/iris.csv` }, { cacheDir, onProgress: null })).rejects.toThrow(/Expected a gzip file from .*iris\.csv/);
    expect(tree(root)).toEqual(['cache/toy/iris.csv']);
    rmSync(root, { recursive: true, force: true });
  });
});
