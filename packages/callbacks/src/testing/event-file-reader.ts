import { readFileSync } from 'node:fs';

/**
 * A TensorBoard event-file reader for tests, written apart from the writer: its own bitwise
 * CRC-32C, TFRecord unframing that checks both CRCs, and a protobuf decoder.
 *
 * @internal
 */

function crc32cBitwise(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function masked(bytes: Uint8Array): number {
  const crc = crc32cBitwise(bytes);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/** The records of a TFRecord file; throws on a bad length, CRC or trailing bytes. */
export function readRecords(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Error(`truncated header at ${offset}`);
    const length = Number(view.getBigUint64(offset, true));
    if (view.getUint32(offset + 8, true) !== masked(bytes.subarray(offset, offset + 8))) throw new Error(`bad length CRC at ${offset}`);
    const data = bytes.subarray(offset + 12, offset + 12 + length);
    if (offset + 16 + length > bytes.length) throw new Error(`truncated record at ${offset}`);
    if (view.getUint32(offset + 12 + length, true) !== masked(data)) throw new Error(`bad data CRC at ${offset}`);
    records.push(data);
    offset += 16 + length;
  }
  return records;
}

/** One decoded field: varints as numbers, fixed64 as doubles, fixed32 as floats, the rest as bytes. */
export interface Field {
  field: number;
  wire: number;
  value: number | Uint8Array;
}

/** The fields of one protobuf message, in order. */
export function decodeMessage(bytes: Uint8Array): Field[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: Field[] = [];
  let i = 0;
  const varint = () => {
    let result = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = bytes[i++];
      if (byte === undefined) throw new Error('truncated varint');
      result += (byte & 0x7f) * scale;
      if (!(byte & 0x80)) return result;
    }
  };
  while (i < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) fields.push({ field, wire, value: varint() });
    else if (wire === 1) {
      fields.push({ field, wire, value: view.getFloat64(i, true) });
      i += 8;
    } else if (wire === 5) {
      fields.push({ field, wire, value: view.getFloat32(i, true) });
      i += 4;
    } else if (wire === 2) {
      const length = varint();
      fields.push({ field, wire, value: bytes.subarray(i, i + length) });
      i += length;
    } else throw new Error(`unknown wire type ${wire}`);
  }
  if (i !== bytes.length) throw new Error('message overruns its bytes');
  return fields;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const doubles = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
};

/** A decoded HistogramProto. */
export interface Histogram {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  bucketLimit: number[];
  bucket: number[];
}

/** A decoded Event. */
export interface DecodedEvent {
  wallTime: number;
  step: number;
  fileVersion?: string;
  values: Array<{ tag: string; simpleValue?: number; histogram?: Histogram }>;
}

function decodeHistogram(bytes: Uint8Array): Histogram {
  const histogram: Histogram = { min: 0, max: 0, num: 0, sum: 0, sumSquares: 0, bucketLimit: [], bucket: [] };
  for (const { field, value } of decodeMessage(bytes)) {
    if (field === 1) histogram.min = value as number;
    else if (field === 2) histogram.max = value as number;
    else if (field === 3) histogram.num = value as number;
    else if (field === 4) histogram.sum = value as number;
    else if (field === 5) histogram.sumSquares = value as number;
    else if (field === 6) histogram.bucketLimit.push(...doubles(value as Uint8Array));
    else if (field === 7) histogram.bucket.push(...doubles(value as Uint8Array));
  }
  return histogram;
}

/** Decodes one Event message. */
export function decodeEvent(bytes: Uint8Array): DecodedEvent {
  const event: DecodedEvent = { wallTime: 0, step: 0, values: [] };
  for (const { field, value } of decodeMessage(bytes)) {
    if (field === 1) event.wallTime = value as number;
    else if (field === 2) event.step = value as number;
    else if (field === 3) event.fileVersion = text(value as Uint8Array);
    else if (field === 5) {
      for (const entry of decodeMessage(value as Uint8Array).filter((f) => f.field === 1)) {
        const parts = decodeMessage(entry.value as Uint8Array);
        const tag = text(parts.find((p) => p.field === 1)!.value as Uint8Array);
        const simple = parts.find((p) => p.field === 2);
        const histo = parts.find((p) => p.field === 5);
        event.values.push({ tag, simpleValue: simple?.value as number | undefined, histogram: histo ? decodeHistogram(histo.value as Uint8Array) : undefined });
      }
    }
  }
  return event;
}

/** Every Event of an event file. */
export function readEventFile(path: string): DecodedEvent[] {
  return readRecords(new Uint8Array(readFileSync(path))).map(decodeEvent);
}

/** Scalars by tag: `[step, value]` pairs in file order. */
export function scalarsByTag(events: DecodedEvent[]): Record<string, Array<[number, number]>> {
  const scalars: Record<string, Array<[number, number]>> = {};
  for (const event of events) {
    for (const value of event.values) if (value.simpleValue !== undefined) (scalars[value.tag] ??= []).push([event.step, value.simpleValue]);
  }
  return scalars;
}
