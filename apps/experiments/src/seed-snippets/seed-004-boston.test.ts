import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { HAS_SHARED_DATASETS, SHARED_DATASETS, captureStdout } from './helpers-003';

/**
 * Seed 004, regression: Boston house prices, the notes' normalization (as written), `build_model`
 * (Dense 64-64-1, RMSprop, MSE, MAE) and 4-fold validation with batch_size=1. Epochs cut to 1.
 */

type Rows = { values: Float32Array; shape: number[] };
let trainData: Rows;
let trainTargets: Rows;
let testData: Rows;

/** Column means and population standard deviations, as `train_data.mean(axis=0)` / `.std(axis=0)`. */
function columnStats(data: Rows): { mean: number[]; std: number[] } {
  const [rows, columns] = data.shape;
  const mean = Array.from({ length: columns }, (_, c) => Array.from({ length: rows }, (_, r) => data.values[r * columns + c]).reduce((a, b) => a + b, 0) / rows);
  const std = mean.map((m, c) => Math.sqrt(Array.from({ length: rows }, (_, r) => (data.values[r * columns + c] - m) ** 2).reduce((a, b) => a + b, 0) / rows));
  return { mean, std };
}

function apply(data: Rows, vector: number[], operation: (value: number, by: number) => number): void {
  const columns = data.shape[1];
  data.values.forEach((value, index) => (data.values[index] = operation(value, vector[index % columns])));
}

/** def build_model(): Dense(64, relu, input_shape=(13,)), Dense(64, relu), Dense(1); rmsprop, MSE, ["mae"] */
function buildModel(): dn.Sequential {
  const model = dn.sequential();
  model.add(dn.layers.dense({ units: 64, activation: 'relu', inputShape: [trainData.shape[1]] }));
  model.add(dn.layers.dense({ units: 64, activation: 'relu' }));
  model.add(dn.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'rmsprop', loss: dn.losses.MSE, metrics: ['mae'] });
  return model;
}

function rowRange(data: Rows, from: number, to: number): Rows {
  const width = data.shape.slice(1).reduce((a, b) => a * b, 1);
  return { values: data.values.slice(from * width, to * width), shape: [to - from, ...data.shape.slice(1)] };
}

/** np.concatenate([a, b], axis=0) */
function concatenateRows(a: Rows, b: Rows): Rows {
  const values = new Float32Array(a.values.length + b.values.length);
  values.set(a.values);
  values.set(b.values, a.values.length);
  return { values, shape: [a.shape[0] + b.shape[0], ...a.shape.slice(1)] };
}

describe.skipIf(!HAS_SHARED_DATASETS)('seed 004: Boston housing, k-fold validation', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(42);
  });

  it('seed 004 [boston_housing.load_data(); train_data.shape, test_data.shape]: ((404, 13), (102, 13))', async () => {
    const { train, test } = await dn.datasets.bostonHousing({ searchDirs: [SHARED_DATASETS], download: false });
    [trainData, trainTargets, testData] = [train.x as Rows, { ...(train.y as Rows), shape: [404, 1] }, test.x as Rows];
    expect([trainData.shape, testData.shape]).toEqual([[404, 13], [102, 13]]);
  });

  it('seed 004 [mean = train_data.mean(axis=0); train_data -= mean; std = ...; train_data -= std (sic); test_data -= mean; test_data /= std]', () => {
    const { mean } = columnStats(trainData);
    apply(trainData, mean, (value, by) => value - by);
    const { std } = columnStats(trainData);
    // The notes subtract std from the training data where they meant to divide (test_data is divided).
    apply(trainData, std, (value, by) => value - by);
    apply(testData, mean, (value, by) => value - by);
    apply(testData, std, (value, by) => value / by);
    const after = columnStats(trainData);
    after.mean.forEach((value, column) => expect(value).toBeCloseTo(-std[column], 2));
    after.std.forEach((value, column) => expect(value).toBeCloseTo(std[column], 2));
  });

  it('seed 004 [k = 4; for i in range(k): build_model(); fit(epochs=num_epochs, batch_size=1, verbose=0); evaluate(verbose=0); all_scores; np.mean]', async () => {
    const k = 4;
    const numValSamples = Math.floor(trainData.shape[0] / 4);
    const numEpochs = 1;
    const allScores: number[] = [];
    const before = dn.tf.memory().numTensors;
    const { text } = await captureStdout(async () => {
      for (let i = 0; i < k; i++) {
        console.log('처리중인 폴드 #:', i);
        const valData = rowRange(trainData, i * numValSamples, (i + 1) * numValSamples);
        const valTargets = rowRange(trainTargets, i * numValSamples, (i + 1) * numValSamples);
        const partialTrainData = concatenateRows(rowRange(trainData, 0, i * numValSamples), rowRange(trainData, (i + 1) * numValSamples, trainData.shape[0]));
        const partialTrainTarget = concatenateRows(rowRange(trainTargets, 0, i * numValSamples), rowRange(trainTargets, (i + 1) * numValSamples, trainTargets.shape[0]));
        const model = buildModel();
        const [, untrainedMae] = (await model.evaluate(valData, valTargets, { verbose: 0 })) as number[];
        await model.fit(partialTrainData, partialTrainTarget, { epochs: numEpochs, batchSize: 1, verbose: 0 });
        const [valMse, valMae] = (await model.evaluate(valData, valTargets, { verbose: 0 })) as number[];
        expect(valMae).toBeLessThan(untrainedMae);
        // Mean |e| never exceeds √(mean e²).
        expect(valMae).toBeLessThanOrEqual(Math.sqrt(valMse) + 1e-4);
        allScores.push(valMae);
        model.dispose();
      }
    });
    expect(dn.tf.memory().numTensors).toBe(before);
    expect(text).toBe('처리중인 폴드 #: 0\n처리중인 폴드 #: 1\n처리중인 폴드 #: 2\n처리중인 폴드 #: 3\n');
    expect(allScores).toHaveLength(4);
    const meanScore = allScores.reduce((a, b) => a + b, 0) / allScores.length;
    // The notes: [2.09, 2.98, 2.60, 2.90], mean 2.64 after 100 epochs; prices are in $1000s from 5 to 50.
    expect(meanScore).toBeGreaterThan(0);
    expect(meanScore).toBeLessThan(10);
  });
});
