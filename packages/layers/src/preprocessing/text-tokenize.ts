/** How TextVectorization standardizes text, as Keras's `standardize`. */
export type StandardizeMode = 'lower_and_strip_punctuation' | 'lower' | 'strip_punctuation' | ((text: string) => string) | null;

/** How TextVectorization splits text into tokens, as Keras's `split`. */
export type SplitMode = 'whitespace' | 'character' | ((text: string) => string[]) | null;

/** Keras's `DEFAULT_STRIP_REGEX`: ASCII punctuation. */
const STRIP_PUNCTUATION = /[!"#$%&()*+,\-./:;<=>?@[\\\]^_`{|}~']/g;

/** Standardizes one text as Keras: lower case (Unicode) and/or ASCII punctuation removed. */
export function standardizeText(text: string, mode: StandardizeMode): string {
  if (mode === null) return text;
  if (typeof mode === 'function') return mode(text);
  const lowered = mode === 'strip_punctuation' ? text : text.toLowerCase();
  return mode === 'lower' ? lowered : lowered.replace(STRIP_PUNCTUATION, '');
}

/** Splits one text as Keras: on runs of whitespace (empties dropped), or into characters. */
export function splitText(text: string, mode: SplitMode): string[] {
  if (mode === null) return [text];
  if (typeof mode === 'function') return mode(text);
  if (mode === 'character') return [...text];
  return text.split(/\s+/).filter((token) => token !== '');
}

/**
 * TensorFlow's `tf.strings.ngrams(tokens, widths, separator=" ")`: all n-grams of the first width,
 * then of the next.
 */
export function ngramsOf(tokens: readonly string[], widths: readonly number[]): string[] {
  const grams: string[] = [];
  for (const width of widths) {
    for (let start = 0; start + width <= tokens.length; start++) grams.push(tokens.slice(start, start + width).join(' '));
  }
  return grams;
}
