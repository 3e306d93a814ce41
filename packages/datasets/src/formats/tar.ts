/**
 * Reads a tar archive (POSIX ustar and GNU long names), as the CIFAR tarballs are written.
 * Only regular files are returned; a name that leaves the archive (`..`, absolute) is refused.
 */

const BLOCK = 512;

function field(bytes: Uint8Array, start: number, length: number): string {
  const slice = bytes.subarray(start, start + length);
  const end = slice.indexOf(0);
  return new TextDecoder().decode(end < 0 ? slice : slice.subarray(0, end));
}

/** An octal number field; NaN when it holds anything but octal digits (parseInt would read `12x` as 10). */
function octal(bytes: Uint8Array, start: number, length: number): number {
  const text = field(bytes, start, length).trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : Number.NaN;
}

/**
 * The regular files of a tar archive by path, as views into `bytes` (no copy).
 *
 * @throws Error naming the file when a header's checksum is wrong, an entry is truncated or a
 *   path would leave the archive
 */
export function readTar(bytes: Uint8Array, fileName: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= bytes.length) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const expected = octal(header, 148, 8);
    let sum = 0;
    for (let k = 0; k < BLOCK; k++) sum += k >= 148 && k < 156 ? 0x20 : header[k];
    if (sum !== expected) throw new Error(`Expected a tar header checksum of ${expected} at byte ${offset} of "${fileName}", received ${sum}`);
    const size = octal(header, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`Expected an octal size in the tar header at byte ${offset} of "${fileName}", received ${JSON.stringify(field(header, 124, 12))}`);
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = field(header, 257, 6) === 'ustar' ? field(header, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    const start = offset + BLOCK;
    if (start + size > bytes.length) throw new Error(`Expected ${size} bytes for "${name}" in "${fileName}", received a truncated archive`);
    const content = bytes.subarray(start, start + size);
    if (type === 'L') longName = field(content, 0, size);
    else if (type === '0' || type === '7') {
      const parts = name.split('/');
      if (name.startsWith('/') || parts.includes('..')) throw new Error(`Expected paths inside the archive "${fileName}", received "${name}"`);
      files.set(parts.filter((p) => p !== '' && p !== '.').join('/'), content);
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  const rest = bytes.subarray(offset);
  if (rest.length > 0 && rest.length < BLOCK && rest.some((b) => b !== 0)) {
    throw new Error(`Expected a whole 512-byte tar header at byte ${offset} of "${fileName}", received ${rest.length} bytes`);
  }
  return files;
}
