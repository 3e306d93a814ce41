/**
 * The bits of TensorBoard's file format, in plain JS: CRC32C (Castagnoli) with TFRecord's mask,
 * TFRecord framing, and the protobuf encoding of Event / Summary / HistogramProto.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32C of bytes. */
export function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** TFRecord's masked CRC: `((crc >>> 15) | (crc << 17)) + 0xa282ead8`. */
export function maskedCrc32c(bytes: Uint8Array): number {
  const crc = crc32c(bytes);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/** One TFRecord: length (uint64 LE), masked CRC of the length, data, masked CRC of the data. */
export function tfRecord(data: Uint8Array): Uint8Array {
  const header = new Uint8Array(8);
  const view = new DataView(header.buffer);
  view.setUint32(0, data.length, true);
  view.setUint32(4, 0, true);
  const record = new Uint8Array(8 + 4 + data.length + 4);
  const recordView = new DataView(record.buffer);
  record.set(header, 0);
  recordView.setUint32(8, maskedCrc32c(header), true);
  record.set(data, 12);
  recordView.setUint32(12 + data.length, maskedCrc32c(data), true);
  return record;
}

/** A minimal protobuf writer: varints, fixed 32/64-bit, length-delimited fields. */
export class ProtoWriter {
  private readonly chunks: number[] = [];

  private varint(value: number): void {
    let v = BigInt(value);
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) byte |= 0x80;
      this.chunks.push(byte);
    } while (v > 0n);
  }
  private tag(field: number, wireType: number): void {
    this.varint((field << 3) | wireType);
  }
  /** An int64 / uint64 / bool field. */
  int(field: number, value: number): this {
    this.tag(field, 0);
    this.varint(value);
    return this;
  }
  /** A double field. */
  double(field: number, value: number): this {
    this.tag(field, 1);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.chunks.push(...bytes);
    return this;
  }
  /** A float field. */
  float(field: number, value: number): this {
    this.tag(field, 5);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.chunks.push(...bytes);
    return this;
  }
  /** A string, bytes or embedded-message field. */
  bytes(field: number, value: Uint8Array | string): this {
    const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    this.tag(field, 2);
    this.varint(data.length);
    this.chunks.push(...data);
    return this;
  }
  /** A packed repeated double field. */
  packedDoubles(field: number, values: number[]): this {
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    values.forEach((value, i) => view.setFloat64(i * 8, value, true));
    return this.bytes(field, bytes);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** A histogram of values as TensorBoard's HistogramProto (Keras-like exponential buckets). */
export function histogramProto(values: ArrayLike<number>, buckets = 30): Uint8Array {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
    sum += values[i];
    squares += values[i] * values[i];
  }
  if (values.length === 0) min = max = 0;
  const width = max > min ? (max - min) / buckets : 1;
  const limits = Array.from({ length: buckets }, (_, i) => (i === buckets - 1 ? max : min + width * (i + 1)));
  const counts = new Array<number>(buckets).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(buckets - 1, Math.floor((values[i] - min) / width))] += 1;
  return new ProtoWriter().double(1, min).double(2, max).double(3, values.length).double(4, sum).double(5, squares).packedDoubles(6, limits).packedDoubles(7, counts).finish();
}

/** An Event with a scalar or histogram summary value. */
export function summaryEvent(step: number, wallTime: number, tag: string, value: { scalar: number } | { histogram: Uint8Array }): Uint8Array {
  const summaryValue = new ProtoWriter().bytes(1, tag);
  if ('scalar' in value) summaryValue.float(2, value.scalar);
  else summaryValue.bytes(5, value.histogram);
  const summary = new ProtoWriter().bytes(1, summaryValue.finish()).finish();
  return new ProtoWriter().double(1, wallTime).int(2, step).bytes(5, summary).finish();
}

/** The first Event of every file: the file version. */
export function fileVersionEvent(wallTime: number): Uint8Array {
  return new ProtoWriter().double(1, wallTime).bytes(3, 'brain.Event:2').finish();
}
