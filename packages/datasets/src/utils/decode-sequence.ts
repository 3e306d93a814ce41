import { checkOptionKeys, describeValue, optionKeys } from '@dendrite/backend/internal';

/** Options of {@link decodeSequence} and {@link sequenceDecoder}: the `load_data` offsets and the words shown for reserved indices. */
export interface DecodeSequenceOptions {
  /** The `indexFrom` the sequences were loaded with: index `i` is the word ranked `i − indexFrom` (3). */
  indexFrom?: number;
  /** The `startChar` of `load_data` (1), shown as `startToken`; null when none was used. */
  startChar?: number | null;
  /** The `oovChar` of `load_data` (2), shown as `oovToken`; null when none was used. */
  oovChar?: number | null;
  /** Shown for the start index (`'[START]'`, as Keras's `get_word_index` example). */
  startToken?: string;
  /** Shown for the out-of-vocabulary index (`'[OOV]'`, as Keras's example). */
  oovToken?: string;
  /** Shown for any other index without a word, padding 0 included (`'?'`, as Chollet's book); null drops them. */
  unknownToken?: string | null;
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const DECODE_KEYS = optionKeys<DecodeSequenceOptions>({ indexFrom: true, startChar: true, oovChar: true, startToken: true, oovToken: true, unknownToken: true });

/**
 * A function turning word-index sequences back into text, built once from a word index (the
 * inverted map is the costly part): index `i` is the word whose `get_word_index()` value is
 * `i − indexFrom`, as `keras.datasets.imdb.get_word_index`'s example decodes `x_train[0]`.
 *
 * @param wordIndex - `imdb.getWordIndex()` / `reuters.getWordIndex()`, or a plain `{word: index}` object
 * @throws TypeError for an unknown option (`index_from` → `indexFrom`) or a word index that is not a Map or object
 * @example
 * ```ts
 * const decode = sequenceDecoder(await reuters.getWordIndex());
 * decode(train.x[0]); // '[START] mcgrath rentcorp said as a result of its december acquisition …'
 * ```
 */
export function sequenceDecoder(wordIndex: ReadonlyMap<string, number> | Readonly<Record<string, number>>, options: DecodeSequenceOptions = {}): (sequence: ArrayLike<number>) => string {
  checkOptionKeys(options, DECODE_KEYS, 'sequenceDecoder');
  if (wordIndex === null || typeof wordIndex !== 'object') throw new TypeError(`Expected wordIndex to be a Map or an object of word → index in sequenceDecoder, received ${describeValue(wordIndex)}`);
  const { indexFrom = 3, startChar = 1, oovChar = 2, startToken = '[START]', oovToken = '[OOV]', unknownToken = '?' } = options;
  const entries = wordIndex instanceof Map ? [...wordIndex.entries()] : Object.entries(wordIndex);
  const words = new Map<number, string>(entries.map(([word, index]) => [index + indexFrom, word]));
  // Reserved indices win over words shifted onto them, as Keras's example sets them last.
  if (startChar !== null) words.set(startChar, startToken);
  if (oovChar !== null) words.set(oovChar, oovToken);
  return (sequence) => {
    const out: string[] = [];
    for (let i = 0; i < sequence.length; i++) {
      const word = words.get(sequence[i]) ?? unknownToken;
      if (word !== null) out.push(word);
    }
    return out.join(' ');
  };
}

/**
 * Decodes one word-index sequence back into text: {@link sequenceDecoder} for a single use.
 *
 * @throws TypeError for an unknown option or a word index that is not a Map or object
 * @example `decodeSequence([1, 4, 2], new Map([['the', 1]]))` → `'[START] the [OOV]'`
 */
export function decodeSequence(sequence: ArrayLike<number>, wordIndex: ReadonlyMap<string, number> | Readonly<Record<string, number>>, options: DecodeSequenceOptions = {}): string {
  return sequenceDecoder(wordIndex, options)(sequence);
}
