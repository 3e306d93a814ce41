/**
 * Byte- and token-level mutations of a valid file, drawn by fast-check: bit flips, boundary bytes
 * and 32-bit integers written over headers, truncation, deleted, duplicated and inserted ranges,
 * and for text (CSV, JSON headers) numbers swapped for hostile tokens.
 */
import fc from 'fast-check';

/** One mutation; positions are taken modulo the file's length when applied. */
export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'int32'; at: number; value: number; littleEndian: boolean }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'token'; index: number; token: string };

/** Mutations of one case: which file of the set, and up to three changes. */
export interface CaseMutation {
  /** Index into the seed's files (modulo their count). */
  file: number;
  mutations: Mutation[];
}

/** Tokens a number in a text file is replaced with: the hostile values of issue 19. */
export const HOSTILE_TOKENS = ['-5', '-1', '0', '2.5', '1e12', '5e7', '30000', 'NaN', '', '1 2', '0x10', 'abc', '-2, -3', '4294967296', 'null', '"x"', '[]'];

const INT32_VALUES = [0, -1, 1, 0x7fffffff, -0x80000000, 30000, 1e9, 65535, 255, -5];

/** The arbitrary of one mutation. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x20, 0x2c), fc.integer({ min: 0, max: 255 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('int32' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...INT32_VALUES), fc.integer()), littleEndian: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 256 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('token' as const), index: fc.nat(), token: fc.constantFrom(...HOSTILE_TOKENS) }) },
);

/** The arbitrary of one case's mutations. */
export const caseArbitrary: fc.Arbitrary<CaseMutation> = fc.record({ file: fc.nat(), mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }) });

/** The mutated bytes, and the positions changed in place (undefined once the length changed). */
export interface Mutated {
  bytes: Uint8Array;
  /** Byte positions overwritten in place; `undefined` when a mutation moved bytes (length changed). */
  touched: number[] | undefined;
  /** The first position that differs from the original (its length when none does). */
  firstChange: number;
}

/** Number tokens (ASCII) of a file: where a `token` mutation may land. */
function numberTokens(bytes: Uint8Array): Array<[number, number]> {
  const text = new TextDecoder('latin1').decode(bytes);
  return [...text.matchAll(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)].map((match) => [match.index, match.index + match[0].length]);
}

/**
 * Applies `mutations` to a copy of `original`.
 *
 * @returns the bytes and the positions changed in place
 */
export function applyMutations(original: Uint8Array, mutations: readonly Mutation[]): Mutated {
  let bytes = original.slice();
  let touched: number[] | undefined = [];
  const splice = (at: number, remove: number, insert: Uint8Array) => {
    const out = new Uint8Array(bytes.length - remove + insert.length);
    out.set(bytes.subarray(0, at));
    out.set(insert, at);
    out.set(bytes.subarray(at + remove), at + insert.length);
    bytes = out;
    touched = undefined;
  };
  for (const mutation of mutations) {
    if (bytes.length === 0) break;
    const at = 'at' in mutation ? mutation.at % bytes.length : 0;
    switch (mutation.kind) {
      case 'flip':
        bytes[at] ^= 1 << mutation.bit;
        touched?.push(at);
        break;
      case 'byte':
        bytes[at] = mutation.value;
        touched?.push(at);
        break;
      case 'int32': {
        const start = Math.min(at, Math.max(0, bytes.length - 4));
        const word = new Uint8Array(4);
        new DataView(word.buffer).setInt32(0, mutation.value | 0, mutation.littleEndian);
        for (let k = 0; k < 4 && start + k < bytes.length; k++) {
          bytes[start + k] = word[k];
          touched?.push(start + k);
        }
        break;
      }
      case 'truncate':
        splice(at, bytes.length - at, new Uint8Array(0));
        break;
      case 'delete':
        splice(at, Math.min(mutation.count, bytes.length - at), new Uint8Array(0));
        break;
      case 'duplicate':
        splice(at, 0, bytes.slice(at, at + mutation.count));
        break;
      case 'insert':
        splice(at, 0, Uint8Array.from(mutation.bytes));
        break;
      case 'token': {
        const tokens = numberTokens(bytes);
        if (tokens.length === 0) break;
        const [start, end] = tokens[mutation.index % tokens.length];
        const token = new TextEncoder().encode(mutation.token);
        if (token.length !== end - start) splice(start, end - start, token);
        else {
          bytes.set(token, start);
          touched?.push(...token.map((_, k) => start + k));
        }
        break;
      }
    }
  }
  let firstChange = 0;
  while (firstChange < Math.min(bytes.length, original.length) && bytes[firstChange] === original[firstChange]) firstChange++;
  // Moves that cancel out (an insertion and a deletion) leave the length: judge the bytes that differ.
  if (touched === undefined && bytes.length === original.length) touched = Array.from(bytes.keys()).filter((at) => bytes[at] !== original[at]);
  return { bytes, touched, firstChange };
}

/**
 * The cases of a campaign, the same for the same seed.
 *
 * @param seed fast-check's seed
 * @param count how many cases
 */
export function sampleCases(seed: number, count: number): CaseMutation[] {
  return fc.sample(caseArbitrary, { seed, numRuns: count });
}
