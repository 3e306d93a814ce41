import { type DecompressionLimits, nodeModules, writeFileAtomicSync } from '@dendrite/backend/internal';
import { isGzip, maybeGunzip } from '../formats/gzip';

function defaultProgress(url: string): (received: number, total: number | null) => void {
  let last = 0;
  return (received, total) => {
    const now = Date.now();
    if (now - last < 200 && received !== total) return;
    last = now;
    const stream = (globalThis as { process?: { stderr?: { write(text: string): void } } }).process?.stderr;
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    const width = 30;
    const done = total ? Math.round((received / total) * width) : 0;
    const bar = total ? `[${'='.repeat(done)}${'.'.repeat(width - done)}] ${mb(received)}/${mb(total)} MB` : `${mb(received)} MB`;
    stream?.write(`\rDownloading ${url} ${bar}${received === total ? '\n' : ''}`);
  };
}

/**
 * Downloads `url` into `target`: the bytes are checked against `sha256` (after gunzip when
 * `gunzipBeforeCheck`, for files cached unzipped), written to a temporary file beside the target
 * and renamed — so the cache never holds a partial or wrong file. The gunzip stops at `limits`
 * (as every reader's does), so a hostile mirror cannot fill memory before the checksum is checked.
 *
 * @throws Error naming the url and what failed (HTTP status, checksum expected vs received)
 */
export async function downloadToCache(
  url: string,
  target: string,
  sha256: string | undefined,
  onProgress?: ((received: number, total: number | null) => void) | null,
  gunzipBeforeCheck = false,
  limits?: DecompressionLimits,
): Promise<void> {
  const { crypto } = nodeModules('to download datasets');
  const response = await fetch(url);
  if (!response.ok || response.body == null) throw new Error(`Expected HTTP 200 from ${url}, received ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('content-length')) || null;
  const report = onProgress === undefined ? defaultProgress(url) : onProgress;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    report?.(received, total);
  }
  let bytes: Uint8Array = Buffer.concat(chunks);
  if (gunzipBeforeCheck) {
    if (!isGzip(bytes)) throw new Error(`Expected a gzip file from ${url}, received ${bytes.length} bytes without gzip's magic number`);
    bytes = maybeGunzip(bytes, url, limits);
  }
  const digest = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha256 && digest !== sha256) throw new Error(`Expected sha256 ${sha256} for ${url}, received ${digest}`);
  writeFileAtomicSync(target, bytes, 'to download datasets');
}
