/**
 * FarmHash's `Fingerprint64` (farmhashna::Hash64), the hash TensorFlow's `to_hash_bucket_fast`
 * and so Keras's `Hashing` and lookup layers use: the same bytes give the same 64-bit value on
 * every platform. Written on BigInt, masked to 64 bits after each step as the C++ `uint64_t` wraps.
 */

const MASK = (1n << 64n) - 1n;
const K0 = 0xc3a5c85c97cb3127n;
const K1 = 0xb492b66fbe98f273n;
const K2 = 0x9ae16a3b2f90404fn;

const mul64 = (a: bigint, b: bigint): bigint => (a * b) & MASK;
const add64 = (...terms: bigint[]): bigint => terms.reduce((sum, term) => sum + term, 0n) & MASK;
const rotate = (value: bigint, shift: bigint): bigint => (shift === 0n ? value : ((value >> shift) | (value << (64n - shift))) & MASK);
const shiftMix = (value: bigint): bigint => value ^ (value >> 47n);

function fetch64(bytes: Uint8Array, offset: number): bigint {
  let value = 0n;
  for (let index = 7; index >= 0; index--) value = (value << 8n) | BigInt(bytes[offset + index]);
  return value;
}

function fetch32(bytes: Uint8Array, offset: number): bigint {
  return BigInt((bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0);
}

function hashLen16(u: bigint, v: bigint, mul: bigint): bigint {
  let a = mul64(u ^ v, mul);
  a ^= a >> 47n;
  let b = mul64(v ^ a, mul);
  b ^= b >> 47n;
  return mul64(b, mul);
}

function hashLen0to16(bytes: Uint8Array): bigint {
  const length = bytes.length;
  const len = BigInt(length);
  if (length >= 8) {
    const mul = add64(K2, len * 2n);
    const a = add64(fetch64(bytes, 0), K2);
    const b = fetch64(bytes, length - 8);
    const c = add64(mul64(rotate(b, 37n), mul), a);
    const d = mul64(add64(rotate(a, 25n), b), mul);
    return hashLen16(c, d, mul);
  }
  if (length >= 4) {
    const mul = add64(K2, len * 2n);
    const a = fetch32(bytes, 0);
    return hashLen16(add64(len, a << 3n), fetch32(bytes, length - 4), mul);
  }
  if (length > 0) {
    const a = BigInt(bytes[0]);
    const b = BigInt(bytes[length >> 1]);
    const c = BigInt(bytes[length - 1]);
    const y = (a + (b << 8n)) & 0xffffffffn;
    const z = (len + (c << 2n)) & 0xffffffffn;
    return mul64(shiftMix(mul64(y, K2) ^ mul64(z, K0)), K2);
  }
  return K2;
}

function hashLen17to32(bytes: Uint8Array): bigint {
  const length = bytes.length;
  const mul = add64(K2, BigInt(length) * 2n);
  const a = mul64(fetch64(bytes, 0), K1);
  const b = fetch64(bytes, 8);
  const c = mul64(fetch64(bytes, length - 8), mul);
  const d = mul64(fetch64(bytes, length - 16), K2);
  return hashLen16(add64(rotate(add64(a, b), 43n), rotate(c, 30n), d), add64(a, rotate(add64(b, K2), 18n), c), mul);
}

function hashLen33to64(bytes: Uint8Array): bigint {
  const length = bytes.length;
  const mul = add64(K2, BigInt(length) * 2n);
  const a = mul64(fetch64(bytes, 0), K2);
  const b = fetch64(bytes, 8);
  const c = mul64(fetch64(bytes, length - 8), mul);
  const d = mul64(fetch64(bytes, length - 16), K2);
  const y = add64(rotate(add64(a, b), 43n), rotate(c, 30n), d);
  const z = hashLen16(y, add64(a, rotate(add64(b, K2), 18n), c), mul);
  const e = mul64(fetch64(bytes, 16), mul);
  const f = fetch64(bytes, 24);
  const g = mul64(add64(y, fetch64(bytes, length - 32)), mul);
  const h = mul64(add64(z, fetch64(bytes, length - 24)), mul);
  return hashLen16(add64(rotate(add64(e, f), 43n), rotate(g, 30n), h), add64(e, rotate(add64(f, a), 18n), g), mul);
}

function weakHashLen32WithSeeds(bytes: Uint8Array, offset: number, seedA: bigint, seedB: bigint): [bigint, bigint] {
  const w = fetch64(bytes, offset);
  const x = fetch64(bytes, offset + 8);
  const y = fetch64(bytes, offset + 16);
  const z = fetch64(bytes, offset + 24);
  let a = add64(seedA, w);
  let b = rotate(add64(seedB, a, z), 21n);
  const c = a;
  a = add64(a, x, y);
  b = add64(b, rotate(a, 44n));
  return [add64(a, z), add64(b, c)];
}

/**
 * FarmHash `Fingerprint64` of some bytes (a string is hashed as its UTF-8 bytes), as an unsigned
 * 64-bit BigInt.
 *
 * @param input the bytes, or a string taken as UTF-8
 * @returns the fingerprint, in `[0, 2⁶⁴)`
 * @example
 * ```ts
 * fingerprint64('a'); // 12917804110809363939n, as TensorFlow's Fingerprint64("a")
 * ```
 */
export function fingerprint64(input: string | Uint8Array): bigint {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const length = bytes.length;
  if (length <= 16) return hashLen0to16(bytes);
  if (length <= 32) return hashLen17to32(bytes);
  if (length <= 64) return hashLen33to64(bytes);

  const seed = 81n;
  let x = seed;
  let y = add64(mul64(seed, K1), 113n);
  let z = mul64(shiftMix(add64(mul64(y, K2), 113n)), K2);
  let v: [bigint, bigint] = [0n, 0n];
  let w: [bigint, bigint] = [0n, 0n];
  x = add64(mul64(x, K2), fetch64(bytes, 0));
  const end = Math.floor((length - 1) / 64) * 64;
  const last64 = end + ((length - 1) & 63) - 63;
  let offset = 0;
  do {
    x = mul64(rotate(add64(x, y, v[0], fetch64(bytes, offset + 8)), 37n), K1);
    y = mul64(rotate(add64(y, v[1], fetch64(bytes, offset + 48)), 42n), K1);
    x ^= w[1];
    y = add64(y, v[0], fetch64(bytes, offset + 40));
    z = mul64(rotate(add64(z, w[0]), 33n), K1);
    v = weakHashLen32WithSeeds(bytes, offset, mul64(v[1], K1), add64(x, w[0]));
    w = weakHashLen32WithSeeds(bytes, offset + 32, add64(z, w[1]), add64(y, fetch64(bytes, offset + 16)));
    [z, x] = [x, z];
    offset += 64;
  } while (offset !== end);
  const mul = add64(K1, (z & 0xffn) << 1n);
  offset = last64;
  w[0] = add64(w[0], BigInt((length - 1) & 63));
  v[0] = add64(v[0], w[0]);
  w[0] = add64(w[0], v[0]);
  x = mul64(rotate(add64(x, y, v[0], fetch64(bytes, offset + 8)), 37n), mul);
  y = mul64(rotate(add64(y, v[1], fetch64(bytes, offset + 48)), 42n), mul);
  x ^= mul64(w[1], 9n);
  y = add64(y, mul64(v[0], 9n), fetch64(bytes, offset + 40));
  z = mul64(rotate(add64(z, w[0]), 33n), mul);
  v = weakHashLen32WithSeeds(bytes, offset, mul64(v[1], mul), add64(x, w[0]));
  w = weakHashLen32WithSeeds(bytes, offset + 32, add64(z, w[1]), add64(y, fetch64(bytes, offset + 16)));
  [z, x] = [x, z];
  return hashLen16(add64(hashLen16(v[0], w[0], mul), mul64(shiftMix(y), K0), z), add64(hashLen16(v[1], w[1], mul), x), mul);
}

/**
 * TensorFlow's `to_hash_bucket_fast`: `Fingerprint64(value) mod buckets`.
 *
 * @param input the string (UTF-8) or bytes
 * @param buckets how many buckets, ≥ 1
 * @returns the bucket, in `[0, buckets)`
 */
export function hashBucketFast(input: string | Uint8Array, buckets: number): number {
  return Number(fingerprint64(input) % BigInt(buckets));
}
