import { tf } from '@dendrite/backend';

/** Float32's view of Keras's ε and 1 − ε: what the clipped probabilities really are on the device. */
export const EPS32 = Math.fround(1e-7);
export const ONE_MINUS_EPS32 = Math.fround(1 - 1e-7);

/** A probability clipped to [ε, 1 − ε] as float32 does it, for hand-computed crossentropies. */
export const clipProbability = (p: number): number => Math.min(Math.max(p, EPS32), ONE_MINUS_EPS32);

/** A tensor's values as numbers; the tensor is disposed. */
export function read(tensor: tf.Tensor): number[] {
  const values = Array.from(tensor.dataSync() as ArrayLike<number>);
  tensor.dispose();
  return values;
}

/** `Σ xs`. */
export const sum = (xs: number[]): number => xs.reduce((total, x) => total + x, 0);
/** `Σ xs / n`. */
export const mean = (xs: number[]): number => sum(xs) / xs.length;
/** The logistic function. */
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** The softmax of one row. */
export function softmax(row: number[]): number[] {
  const top = Math.max(...row);
  const exps = row.map((x) => Math.exp(x - top));
  return exps.map((e) => e / sum(exps));
}
