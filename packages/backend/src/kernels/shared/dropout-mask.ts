import { mulberry32Bits } from '../../seed/seed';
/** What a dropout mask is drawn from: four xorshift32 lanes and the stream's state after them. */
export interface DropoutMaskStream {
  /** One nonzero xorshift32 state per lane; element `i` of the bulk takes lane `i mod 4`. */
  lanes: Int32Array;
  /** The mulberry32 state the last `size mod 4` elements continue from. */
  tail: number;
}


/**
 * The lanes of a seed's mask: four mulberry32 draws (so nearby seeds give unrelated lanes).
 *
 * @example
 * ```ts
 * dropoutMaskStream(42).lanes; // Int32Array(4)
 * ```
 */
export function dropoutMaskStream(seed: number): DropoutMaskStream {
  const lanes = new Int32Array(4);
  let state = seed | 0;
  for (let lane = 0; lane < 4; lane++) {
    let draw: number;
    [state, draw] = mulberry32Bits(state);
    lanes[lane] = draw === 0 ? 1 : draw;
  }
  return { lanes, tail: state };
}

/** The unsigned 32-bit draw at or above which an element is kept. */
export function keepThreshold(rate: number): number {
  return Math.min(Math.floor(rate * 4294967296), 4294967295);
}

/**
 * Fills `out` with a dropout mask — `1 / (1 − rate)` where a draw is at or above
 * {@link keepThreshold}, else 0 — as the SIMD kernel does: the first `4·⌊n/4⌋` elements from the
 * xorshift32 lanes (`s ^= s << 13; s ^= s >>> 17; s ^= s << 5`, then the draw is `s`), the rest
 * from mulberry32. The reference for that kernel, and the mask where it is missing.
 *
 * @param out where the mask goes
 * @param seed an integer seed
 * @param rate the fraction dropped, in [0, 1)
 * @param from the first element to fill (the SIMD kernel leaves the tail to this function)
 * @example
 * ```ts
 * fillDropoutMask(new Float32Array(10), 42, 0.3);
 * ```
 */
export function fillDropoutMask(out: Float32Array, seed: number, rate: number, from = 0): void {
  const { lanes, tail } = dropoutMaskStream(seed);
  const threshold = keepThreshold(rate);
  const kept = Math.fround(1 / (1 - rate));
  const bulk = out.length - (out.length % 4);
  // The tail has its own stream: a fill of the tail alone skips the bulk's draws.
  for (let i = 0; from < bulk && i < bulk; i++) {
    const lane = i & 3;
    let s = lanes[lane];
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    lanes[lane] = s;
    if (i >= from) out[i] = s >>> 0 >= threshold ? kept : 0;
  }
  let state = tail;
  for (let i = bulk; i < out.length; i++) {
    let draw: number;
    [state, draw] = mulberry32Bits(state);
    if (i >= from) out[i] = draw >>> 0 >= threshold ? kept : 0;
  }
}
