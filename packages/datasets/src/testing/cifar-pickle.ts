/**
 * Test helper: a CIFAR Python batch as Python 2's cPickle wrote the real files (protocol 2,
 * `str` as BINSTRING, the array through `numpy.core.multiarray._reconstruct`).
 */
export function pythonTwoCifarBatch(data: Uint8Array, labels: Record<string, number[]>): Uint8Array {
  const out: number[] = [];
  const u32 = (n: number) => out.push(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255);
  const str = (bytes: Uint8Array | string) => {
    const raw = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    if (raw.length < 256) out.push(0x55, raw.length);
    else (out.push(0x54), u32(raw.length));
    for (const b of raw) out.push(b);
  };
  const int = (n: number) => (n < 256 ? out.push(0x4b, n) : (out.push(0x4a), u32(n)));
  const global = (module: string, name: string) => out.push(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  out.push(0x80, 0x02, 0x7d, 0x28); // PROTO 2, EMPTY_DICT, MARK
  str('batch_label');
  str('training batch 1 of 5');
  for (const [key, values] of Object.entries(labels)) {
    str(key);
    out.push(0x5d, 0x28); // EMPTY_LIST, MARK
    for (const value of values) int(value);
    out.push(0x65); // APPENDS
  }
  str('data');
  global('numpy.core.multiarray', '_reconstruct');
  global('numpy', 'ndarray');
  int(0);
  out.push(0x85); // TUPLE1
  str('b');
  out.push(0x87, 0x52, 0x28); // TUPLE3, REDUCE, MARK (state)
  int(1);
  int(data.length / 3072);
  int(3072);
  out.push(0x86); // TUPLE2 (shape)
  global('numpy', 'dtype');
  str('u1');
  out.push(0x89, 0x88, 0x87, 0x52, 0x28); // False, True, TUPLE3, REDUCE, MARK
  int(3);
  str('|');
  out.push(0x4e, 0x4e, 0x4e); // None ×3
  out.push(0x4a, 255, 255, 255, 255, 0x4a, 255, 255, 255, 255); // -1, -1
  int(0);
  out.push(0x74, 0x62); // TUPLE, BUILD (dtype state)
  out.push(0x89); // not Fortran
  str(data);
  out.push(0x74, 0x62); // TUPLE, BUILD (array state)
  out.push(0x75, 0x2e); // SETITEMS, STOP
  return Uint8Array.from(out);
}
