/**
 * SipHash-2-4 with a 128-bit key, the keyed hash behind TensorFlow's `to_hash_bucket_strong` (and
 * so Keras's `Hashing` with a `salt`). BigInt, masked to 64 bits as the C++ `uint64_t` wraps.
 */

const MASK = (1n << 64n) - 1n;
const rotl = (value: bigint, shift: bigint): bigint => ((value << shift) | (value >> (64n - shift))) & MASK;

/**
 * SipHash-2-4 of some bytes (a string is hashed as its UTF-8 bytes) under the key `[k0, k1]`.
 *
 * @returns the hash, in `[0, 2⁶⁴)`
 * @example
 * ```ts
 * sipHash24([0x0706050403020100n, 0x0f0e0d0c0b0a0908n], new Uint8Array()); // 0x726fdb47dd0e0e31n
 * ```
 */
export function sipHash24(key: readonly [bigint, bigint], input: string | Uint8Array): bigint {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const [k0, k1] = [BigInt.asUintN(64, key[0]), BigInt.asUintN(64, key[1])];
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & MASK; v1 = rotl(v1, 13n); v1 ^= v0; v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK; v3 = rotl(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & MASK; v3 = rotl(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & MASK; v1 = rotl(v1, 17n); v1 ^= v2; v2 = rotl(v2, 32n);
  };
  const compress = (block: bigint): void => {
    v3 ^= block;
    round();
    round();
    v0 ^= block;
  };
  const fullBlocks = bytes.length - (bytes.length % 8);
  for (let offset = 0; offset < fullBlocks; offset += 8) {
    let block = 0n;
    for (let index = 7; index >= 0; index--) block = (block << 8n) | BigInt(bytes[offset + index]);
    compress(block);
  }
  let last = BigInt(bytes.length & 0xff) << 56n;
  for (let index = bytes.length - 1; index >= fullBlocks; index--) last |= BigInt(bytes[index]) << BigInt(8 * (index - fullBlocks));
  compress(last);
  v2 ^= 0xffn;
  for (let count = 0; count < 4; count++) round();
  return v0 ^ v1 ^ v2 ^ v3;
}
