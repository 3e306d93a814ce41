/**
 * The one check every Dendrite constructor, factory and options object runs on the keys it is
 * given: a key nobody reads is refused with its name and the spelling meant, never ignored
 * (`sgd({ lr: 1e-3 })` would otherwise train at the default rate without a word).
 *
 * The known keys come from the options interface itself: {@link optionKeys} takes a record whose
 * keys the compiler checks against the interface (a missing or extra key does not compile), so the
 * runtime list cannot drift from the types. Classes declare theirs as a static `optionKeys`, and
 * {@link classOptionKeys} joins them along the class chain.
 */
import { describeValue } from './describe-value';

/**
 * A record with exactly the keys of `Options` that `Base` does not already have: what a class adds
 * to its parent's options.
 */
export type OptionKeyRecord<Options, Base = object> = { readonly [K in Exclude<keyof Options, keyof Base>]-?: true };

/**
 * The option keys of an interface, checked complete by the compiler.
 *
 * @param record every key of `Options` not in `Base`, each mapped to `true`
 * @returns the keys, for {@link checkOptionKeys} or a static `optionKeys`
 * @example
 * ```ts
 * interface FitArgs { epochs?: number; batchSize?: number }
 * const FIT_KEYS = optionKeys<FitArgs>({ epochs: true, batchSize: true });
 * ```
 */
export function optionKeys<Options, Base = object>(record: OptionKeyRecord<Options, Base>): readonly string[] {
  return Object.freeze(Object.keys(record));
}

/** A class that may declare the option keys its constructor reads (beside its parents'). */
export interface OptionKeysDeclarer {
  /** The keys this class adds to its parent's options. */
  readonly optionKeys?: readonly string[];
  /**
   * Parent keys this class does not take (its options `Omit` them: SpatialDropout's `noiseShape`,
   * which it sets itself): refused like unknown keys rather than accepted and overwritten.
   */
  readonly omittedOptionKeys?: readonly string[];
}

/**
 * The option keys a class and its parents read, or `undefined` when the class itself declares
 * none (a user's subclass passing its own options on to `super`: nothing to check it against).
 *
 * @param declarer the class (`new.target` in a base constructor)
 */
export function classOptionKeys(declarer: OptionKeysDeclarer | Function): readonly string[] | undefined {
  if (!Object.prototype.hasOwnProperty.call(declarer, 'optionKeys')) return undefined;
  const keys: string[] = [];
  const omitted = new Set<string>();
  for (let current: unknown = declarer; current != null && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    if (Object.prototype.hasOwnProperty.call(current, 'optionKeys')) keys.push(...((current as OptionKeysDeclarer).optionKeys ?? []));
    if (Object.prototype.hasOwnProperty.call(current, 'omittedOptionKeys')) {
      for (const key of (current as OptionKeysDeclarer).omittedOptionKeys ?? []) omitted.add(key);
    }
  }
  return omitted.size === 0 ? keys : keys.filter((key) => !omitted.has(key));
}

/** Older and Keras spellings that differ from Dendrite's by more than case and underscores. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  lr: ['learningRate'],
  nbepoch: ['epochs'],
  epoch: ['epochs'],
  nbfilter: ['filters'],
  outputdim: ['units', 'outputDim'],
  init: ['kernelInitializer', 'embeddingsInitializer'],
  wregularizer: ['kernelRegularizer', 'embeddingsRegularizer'],
  bregularizer: ['biasRegularizer'],
  wconstraint: ['kernelConstraint', 'embeddingsConstraint'],
  bconstraint: ['biasConstraint'],
  bias: ['useBias'],
  bordermode: ['padding'],
  subsample: ['strides'],
  p: ['rate'],
  samplesperepoch: ['stepsPerEpoch'],
  nbvalsamples: ['validationSteps'],
  filepath: ['filepath', 'path'],
  path: ['filepath', 'path'],
  sampleweightmode: ['sampleWeightMode'],
};

/** Lower case without `_` or `-`: `kernel_initializer`, `kernelInitializer` and `clipvalue`/`clipValue` meet. */
function normalize(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known key an unknown one most likely meant: the same word in another case (`batch_size` →
 * `batchSize`, `clipvalue` → `clipValue`), an older Keras name (`lr` → `learningRate`), or a near
 * spelling (`unit` → `units`); `undefined` when none is close.
 *
 * @param key the key received
 * @param known the keys the owner reads
 */
export function suggestOptionKey(key: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  const normalized = normalize(key);
  const sameWord = candidates.find((candidate) => normalize(candidate) === normalized);
  if (sameWord !== undefined) return sameWord;
  const alias = ALIASES[normalized]?.find((name) => candidates.includes(name));
  if (alias !== undefined) return alias;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(normalized.length / 3));
  for (const candidate of candidates) {
    const distance = editDistance(normalized, normalize(candidate));
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The message for an unknown key: `Unknown option "lr" in SGD: did you mean "learningRate"?`, or
 * the known keys when none is close.
 */
export function unknownOptionMessage(key: string, known: readonly string[], owner: string): string {
  const suggestion = suggestOptionKey(key, known);
  if (suggestion !== undefined) return `Unknown option "${key}" in ${owner}: did you mean "${suggestion}"?`;
  const listed = [...known].sort();
  return `Unknown option "${key}" in ${owner}; expected ${listed.length === 0 ? 'no options' : `one of ${listed.map((name) => `"${name}"`).join(', ')}`}`;
}

/**
 * Throws for the first key of `options` that `known` does not hold (a key whose value is `undefined`
 * passes). `undefined` and `null` options pass; anything but a plain object is refused too.
 *
 * @param options what the caller passed
 * @param known the keys the owner reads
 * @param owner who reads them, as messages name it: `SGD`, `layer "dense_1"`, `fit`
 * @throws TypeError `Unknown option "lr" in SGD: did you mean "learningRate"?`
 * @example
 * ```ts
 * checkOptionKeys({ lr: 0.1 }, ['learningRate', 'momentum'], 'SGD'); // throws, naming learningRate
 * ```
 */
export function checkOptionKeys(options: unknown, known: readonly string[], owner: string): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`Expected the options of ${owner} to be an object, received ${describeValue(options)}`);
  }
  const knownSet = new Set(known);
  for (const [key, value] of Object.entries(options)) {
    // A key set to undefined says nothing (TypeScript's optional properties are often passed so).
    if (!knownSet.has(key) && value !== undefined) throw new TypeError(unknownOptionMessage(key, known, owner));
  }
}

/**
 * The entries of `options` whose keys `known` holds, and the names of the rest: for configs read
 * from files, where keys from other Keras versions are dropped and reported rather than refused.
 */
export function splitOptionKeys<T extends Record<string, unknown>>(options: T, known: readonly string[]): { known: Partial<T>; dropped: string[] } {
  const knownSet = new Set(known);
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (knownSet.has(key)) kept[key] = value;
    else dropped.push(key);
  }
  return { known: kept as Partial<T>, dropped };
}

