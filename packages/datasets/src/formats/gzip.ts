import { type DecompressionLimits, decompressionBudget, nodeModules } from '@dendrite/backend/internal';

/** Whether bytes start with gzip's magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzips bytes that are gzipped (by their magic number, not their name); others pass through.
 * Decompression stops at `limits` (1 GiB, and 200 bytes out per byte in past 16 MiB, by default)
 * instead of filling memory with a decompression bomb.
 *
 * @param limits how far the stream may grow; raise them for a file you trust
 * @throws Error naming the file when the gzip stream is corrupt or truncated, or grows past `limits`
 */
export function maybeGunzip(bytes: Uint8Array, fileName: string, limits?: DecompressionLimits): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  const budget = decompressionBudget(bytes.length, limits);
  try {
    return new Uint8Array(nodeModules('to gunzip').zlib.gunzipSync(bytes, { maxOutputLength: budget }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`Expected "${fileName}" to gunzip to at most ${budget} bytes, received a stream that grows past them (a decompression bomb? raise the "limits" option, {maxBytes, maxRatio}, to read a file you trust)`);
    }
    throw new Error(`Expected a valid gzip stream in "${fileName}", received a corrupt or truncated one (${(error as Error).message})`);
  }
}
