/**
 * Plain-loop references of the dense attention layers, for tests: every score, softmax and sum
 * written out on nested arrays, independent of the layers' tensor code.
 */

/** A `[batch, steps, features]` array. */
export type Sequences = number[][][];

/** Scores one query step against one key step. */
export type ScoreFunction = (query: number[], key: number[]) => number;

/** Masks and options of {@link referenceDenseAttention}. */
export interface ReferenceOptions {
  /** `[batch, Tq]`, false to zero a query step's output. */
  queryMask?: boolean[][];
  /** `[batch, Tv]`, false to exclude a value step. */
  valueMask?: boolean[][];
  /** Whether query step i may only see value steps j ≤ i. */
  causal?: boolean;
}

/**
 * Dense attention computed by loops, as Keras documents it: scores, `−1e9` on masked steps, a
 * softmax over the value steps, the weighted sum of the values, zeros at masked query steps.
 *
 * @returns the output `[batch, Tq, dim]` and the weights `[batch, Tq, Tv]`
 */
export function referenceDenseAttention(query: Sequences, value: Sequences, key: Sequences, score: ScoreFunction, options: ReferenceOptions = {}): { output: Sequences; weights: Sequences } {
  const output: Sequences = [];
  const weights: Sequences = [];
  query.forEach((steps, b) => {
    output.push([]);
    weights.push([]);
    steps.forEach((queryStep, i) => {
      const scores = key[b].map((keyStep, j) => {
        const allowed = (options.valueMask?.[b][j] ?? true) && (!options.causal || j <= i);
        // float32 rounding, as the layers compute: a fully masked row becomes uniform.
        return allowed ? score(queryStep, keyStep) : Math.fround(score(queryStep, keyStep) - 1e9);
      });
      const top = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const total = exps.reduce((a, e) => a + e, 0);
      const row = exps.map((e) => e / total);
      const keep = options.queryMask?.[b][i] ?? true;
      const dim = value[b][0].length;
      const sum = Array.from({ length: dim }, (_, d) => (keep ? row.reduce((acc, w, j) => acc + w * value[b][j][d], 0) : 0));
      output[b].push(sum);
      weights[b].push(row);
    });
  });
  return { output, weights };
}

/** `scale · query · key`. */
export const dotScore = (scale = 1): ScoreFunction => (q, k) => scale * q.reduce((acc, x, d) => acc + x * k[d], 0);

/** `weight · Σ tanh(scale · (query + key))`. */
export const concatScore = (scale = 1, weight = 1): ScoreFunction => (q, k) => weight * q.reduce((acc, x, d) => acc + Math.tanh(scale * (x + k[d])), 0);

/** `Σ scale_d · tanh(query_d + key_d)`. */
export const additiveScore = (scale: number[]): ScoreFunction => (q, k) => q.reduce((acc, x, d) => acc + scale[d] * Math.tanh(x + k[d]), 0);
