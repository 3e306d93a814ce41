/**
 * What the MNIST MLP epoch benches share, in Node and in the browser page: the fit settings, the
 * warm-up, the timed epochs and the stock tfjs-layers model. No Node imports: the page bundles it.
 */
import type * as tfl from '@tensorflow/tfjs-layers';

/** One epoch of 48 000 rows plus 12 000 validation rows, batch 128, silent. */
export const EPOCH_FIT = { epochs: 1, batchSize: 128, validationSplit: 0.2, verbose: 0 } as const;
/** Rows of the untimed warm-up fit (8 batches): JITs, kernels and wasm modules warm on both sides. */
export const WARM_UP_ROWS = 1024;
/**
 * Rows of the CNN's timed epoch: a full one takes Dendrite ~40 s on one thread, too slow to time
 * eight times in a bench, so every side fits the same first 16 000 images (12 800 train, the
 * issue's measure, + 3 200 validation).
 */
export const CNN_ROWS = 16000;

/**
 * Seconds of each of `epochs` one-epoch fits, after one untimed fit on the first
 * {@link WARM_UP_ROWS} rows.
 *
 * @param fit fits on the first `rows` rows, or on all of them when `rows` is undefined
 */
export async function timeEpochs(fit: (rows: number | undefined) => Promise<unknown>, epochs: number): Promise<number[]> {
  await fit(WARM_UP_ROWS);
  const seconds: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const start = performance.now();
    await fit(undefined);
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

/** The tensor functions {@link fitOnRows} needs, from whichever tfjs-core copy made the tensors. */
export interface RowSlicing<T> {
  slice(x: T, begin: number, size: number): T;
  dispose(tensors: T[]): void;
}

/**
 * A `fit` for {@link timeEpochs} on tensors: all of `xs`/`ys`, or their first rows sliced for
 * the call and disposed afterwards.
 */
export function fitOnRows<T>(tf: RowSlicing<NoInfer<T>>, fit: (x: NoInfer<T>, y: NoInfer<T>) => Promise<unknown>, xs: T, ys: T): (rows: number | undefined) => Promise<unknown> {
  return async (rows) => {
    if (rows === undefined) return fit(xs, ys);
    const [xPart, yPart] = [tf.slice(xs, 0, rows), tf.slice(ys, 0, rows)];
    try {
      return await fit(xPart, yPart);
    } finally {
      tf.dispose([xPart, yPart]);
    }
  };
}

/** Seed 000's MLP 784-128-128-10 (dropout 0.3) in stock tfjs-layers, compiled with Adam as Dendrite's `mnistModel('mlp')`. */
export function tfjsLayersMnistMlp(layers: typeof tfl): tfl.Sequential {
  const model = layers.sequential({
    layers: [
      layers.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
      layers.layers.dropout({ rate: 0.3 }),
      layers.layers.dense({ units: 128, activation: 'relu' }),
      layers.layers.dropout({ rate: 0.3 }),
      layers.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
