const encoder = new TextEncoder();

/**
 * A minimal protobuf encoder — varints, 64- and 32-bit fixed fields, length-delimited fields —
 * enough for TensorBoard's Event, Summary and HistogramProto messages. Fields are written in call
 * order; each method returns the writer.
 *
 * @example
 * ```ts
 * const bytes = new ProtoWriter().double(1, Date.now() / 1000).int(2, 7).finish();
 * ```
 */
export class ProtoWriter {
  private buffer = new Uint8Array(64);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  /** An unsigned varint: 7 bits a byte, low first, high bit set on all but the last. */
  private varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Expected a varint to be a safe integer ≥ 0, received ${value}`);
    this.reserve(10);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  private key(field: number, wireType: 0 | 1 | 2 | 5): void {
    this.varint(field * 8 + wireType);
  }

  /** An int64/uint64/bool field (wire type 0) with a value ≥ 0. */
  int(field: number, value: number): this {
    this.key(field, 0);
    this.varint(value);
    return this;
  }

  /** A double field (wire type 1). */
  double(field: number, value: number): this {
    this.key(field, 1);
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
    return this;
  }

  /** A float field (wire type 5). */
  float(field: number, value: number): this {
    this.key(field, 5);
    this.reserve(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
    return this;
  }

  /** A string (UTF-8), bytes or embedded-message field (wire type 2). */
  bytes(field: number, value: Uint8Array | string): this {
    const data = typeof value === 'string' ? encoder.encode(value) : value;
    this.key(field, 2);
    this.varint(data.length);
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** A packed repeated double field (wire type 2). */
  packedDoubles(field: number, values: ArrayLike<number>): this {
    const data = new Uint8Array(values.length * 8);
    const view = new DataView(data.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
    return this.bytes(field, data);
  }

  /** The encoded message. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
