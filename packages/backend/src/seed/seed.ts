/**
 * One seeded random stream for everything Dendrite draws: weight initialisation, shuffling and
 * dropout masks. `setSeed(n)` makes a run repeat itself on one backend.
 */
import { argumentError } from '../internal/errors/argument-checks';

let seeded = false;
let currentSeed: number | undefined;
let state = 0;

function checkSeed(seed: number, argumentName: string): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw argumentError(seed, 'number', `Expected ${argumentName} to be an integer in [0, 4294967295], received ${String(seed)}`);
  }
}

/**
 * mulberry32, a small, fast 32-bit generator: the new state and a draw of 32 random bits (as a
 * signed int32). Dropout masks seed their SIMD lanes from it.
 */
export function mulberry32Bits(previous: number): [number, number] {
  const next = (previous + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [next, (t ^ (t >>> 14)) | 0];
}

/** mulberry32 with its draw in [0, 1). */
function mulberry32(previous: number): [number, number] {
  const [next, bits] = mulberry32Bits(previous);
  return [next, (bits >>> 0) / 4294967296];
}

/**
 * Seeds Dendrite's random stream, as Keras's `keras.utils.set_random_seed`.
 *
 * @param seed an integer in [0, 2³²)
 * @throws Error when `seed` is not such an integer
 * @example
 * ```ts
 * setSeed(42);
 * const model = buildModel(); // same initial weights every run
 * ```
 */
export function setSeed(seed: number): void {
  checkSeed(seed, 'seed');
  seeded = true;
  currentSeed = seed;
  state = seed | 0;
}

/** Forgets the seed: draws come from `Math.random` again. */
export function clearSeed(): void {
  seeded = false;
  currentSeed = undefined;
}

/** The seed last given to {@link setSeed}, or undefined when none is set. */
export function getSeed(): number | undefined {
  return currentSeed;
}

/**
 * A draw in [0, 1) from the seeded stream, or from `Math.random` when no seed is set.
 *
 * @example
 * ```ts
 * const index = Math.floor(random() * n);
 * ```
 */
export function random(): number {
  if (!seeded) return Math.random();
  const [next, value] = mulberry32(state);
  state = next;
  return value;
}

/**
 * A seed for one tfjs random op (`tf.randomNormal(..., seed)`, `tf.dropout(..., seed)`): drawn from
 * the seeded stream, so each op gets its own, repeatable seed; undefined when no seed is set, which
 * lets tfjs draw freely.
 */
export function nextSeed(): number | undefined {
  return seeded ? Math.floor(random() * 0x7fffffff) : undefined;
}

/**
 * An independent generator of draws in [0, 1) for an explicit seed (`shuffle(..., seed)`), or from
 * the global stream when `seed` is undefined.
 *
 * @throws Error when `seed` is not an integer in [0, 2³²)
 */
export function createRandom(seed?: number): () => number {
  if (seed === undefined) return random;
  checkSeed(seed, 'seed');
  let own = seed | 0;
  return () => {
    const [next, value] = mulberry32(own);
    own = next;
    return value;
  };
}

/** The state of Dendrite's random stream (JSON-safe), for saving a run and resuming it (BackupAndRestore). */
export interface RandomState {
  /** Whether a seed is set; without one draws come from `Math.random`, whose state cannot be saved. */
  seeded: boolean;
  /** The seed given to {@link setSeed}, or null. */
  seed: number | null;
  /** mulberry32's state: where the stream is. */
  state: number;
}

/**
 * Where Dendrite's random stream is: weight initialisation, shuffling and dropout draw from it, so
 * restoring it with {@link setRandomState} makes the draws after a resume those of the run that
 * saved it.
 *
 * @example
 * ```ts
 * const saved = getRandomState();
 * random(); // 0.27…
 * setRandomState(saved);
 * random(); // 0.27… again
 * ```
 */
export function getRandomState(): RandomState {
  return { seeded, seed: currentSeed ?? null, state };
}

/**
 * Puts Dendrite's random stream back where {@link getRandomState} found it.
 *
 * @throws TypeError when `saved` is not such a state
 */
export function setRandomState(saved: RandomState): void {
  const valid =
    typeof saved === 'object' && saved !== null && typeof saved.seeded === 'boolean' && Number.isInteger(saved.state) && saved.state >= -0x80000000 && saved.state <= 0xffffffff &&
    (saved.seed === null || (Number.isInteger(saved.seed) && saved.seed >= 0 && saved.seed <= 0xffffffff));
  if (!valid) throw new TypeError(`Expected a random state {seeded, seed, state} from getRandomState, received ${JSON.stringify(saved)}`);
  seeded = saved.seeded;
  currentSeed = saved.seed ?? undefined;
  state = saved.state | 0;
}
