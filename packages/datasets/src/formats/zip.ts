import { nodeModules } from '@dendrite/backend';

/**
 * The entries of a ZIP file (`.npz` is one): the central directory is read from the end, each
 * entry inflated (method 8) or copied (method 0).
 *
 * @throws Error naming the file and what is wrong (no directory, truncated entry, ZIP64, method)
 */
export function readZip(bytes: Uint8Array, fileName: string): Map<string, Uint8Array> {
  const fail = (what: string) => new Error(`Expected a ZIP archive in "${fileName}", received ${what}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw fail('no end-of-central-directory record (truncated or not a ZIP)');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw fail('a ZIP64 archive, which is not supported');
  const entries = new Map<string, Uint8Array>();
  const { zlib } = nodeModules('to read ZIP archives');
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw fail(`a broken central directory at entry ${n}`);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.includes('..') || name.startsWith('/')) throw fail(`an entry "${name}" that leaves the archive`);
    if (view.getUint32(localOffset, true) !== 0x04034b50) throw fail(`a broken local header for "${name}"`);
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw fail(`a truncated entry "${name}"`);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) entries.set(name, data.slice());
    else if (method === 8) entries.set(name, new Uint8Array(zlib.inflateRawSync(data)));
    else throw fail(`entry "${name}" compressed with method ${method} (only stored and deflate are read)`);
    if (entries.get(name)!.length !== size) throw fail(`entry "${name}" of ${entries.get(name)!.length} bytes where the directory says ${size}`);
  }
  return entries;
}
