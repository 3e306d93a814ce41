import { nodeModules } from '@dendrite/backend/internal';

/** Whether bytes start with gzip's magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzips bytes that are gzipped (by their magic number, not their name); others pass through.
 *
 * @throws Error naming the file when the gzip stream is corrupt or truncated
 */
export function maybeGunzip(bytes: Uint8Array, fileName: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return new Uint8Array(nodeModules('to gunzip').zlib.gunzipSync(bytes));
  } catch (error) {
    throw new Error(`Expected a valid gzip stream in "${fileName}", received a corrupt or truncated one (${(error as Error).message})`);
  }
}
