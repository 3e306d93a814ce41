import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { Layer, type TensorOrList, dense, resetUniqueNames } from '@dendrite/layers';
import { Loss, type LossArgs, Mean, type MetricArgs } from '@dendrite/losses';
import { describeEachBackend, expectArraysClose, seededArray, useTempDirs } from '@dendrite/test-utils';
import type { Model } from '../model';
import { sequential } from '../sequential';
import { saveModelBytes } from './model-io';
import { loadModel } from '../load-model';
import { registerClass } from './register-class';
import { scaleLayerClass } from '@dendrite/layers/testing';

/** A user layer: multiplies the last axis by a learned vector. Never registered globally here. */
const ChannelScale = scaleLayerClass('ChannelScale');

/** A user loss function: mean cubed absolute error per sample. */
function cubicLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.mean(tf.pow(tf.abs(tf.sub(yTrue, yPred)), 3), -1);
}

/** A user metric function: mean absolute error per sample. */
function absError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.mean(tf.abs(tf.sub(yTrue, yPred)), -1);
}

/** A user loss class: mean cubed absolute error. */
class MeanCubicError extends Loss {
  static override className = 'MeanCubicError';
  constructor(args: LossArgs = {}) {
    super(args, 'mean_cubic_error');
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return cubicLoss(yTrue, yPred);
  }
}

/** A user metric class: the mean prediction. */
class MeanPrediction extends Mean {
  static override className = 'MeanPrediction';
  constructor(args: MetricArgs = {}) {
    super({ name: 'mean_prediction', ...args });
  }
  override updateState(_yTrue: tf.Tensor, yPred?: tf.Tensor | number): void {
    super.updateState(yPred as tf.Tensor);
  }
}

const tempDir = useTempDirs('custom-objects');
afterEach(() => resetUniqueNames());

const x = { values: seededArray(16 * 2, 1), shape: [16, 2] };
const y = { values: seededArray(16 * 3, 2), shape: [16, 3] };

async function trainedModel(): Promise<Model> {
  const model = sequential({ layers: [dense({ units: 3, inputShape: [2] }), new ChannelScale()] });
  model.compile({ optimizer: 'sgd', loss: cubicLoss, metrics: [absError] });
  await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
  return model;
}

function predictions(model: Model): number[] {
  const inputs = tf.tensor2d(x.values, [16, 2]);
  const output = model.predict(inputs) as tf.Tensor;
  const values = Array.from(output.dataSync());
  tf.dispose([inputs, output]);
  return values;
}

/** Each format `loadModel` reads, saved by `save` and read back by `load`. */
const FORMATS: Array<{ name: string; compiled: boolean; save(model: Model, dir: string): Promise<string | Uint8Array> }> = [
  { name: '.keras', compiled: true, save: async (model, dir) => (await model.save(join(dir, 'm.keras')), join(dir, 'm.keras')) },
  { name: '.h5', compiled: true, save: async (model, dir) => (await model.save(join(dir, 'm.h5')), join(dir, 'm.h5')) },
  { name: 'model.json', compiled: false, save: async (model, dir) => (await model.save(join(dir, 'model.json')), join(dir, 'model.json')) },
  { name: 'Dendrite archive', compiled: true, save: async (model, dir) => (await model.save(join(dir, 'm.dendrite')), join(dir, 'm.dendrite')) },
  { name: '.keras bytes', compiled: true, save: (model) => saveModelBytes(model, 'keras') },
];

describeEachBackend('loadModel customObjects', () => {
  for (const format of FORMATS) {
    it(`reloads a custom layer, loss function and metric function from ${format.name} without registration; fit goes on`, async () => {
      const model = await trainedModel();
      const source = await format.save(model, tempDir());
      const expected = predictions(model);
      model.dispose();

      await expect(loadModel(source)).rejects.toThrow(/Unknown layer "ChannelScale".*customObjects: \{ ChannelScale \}/);
      if (format.compiled) {
        await expect(loadModel(source, { customObjects: { ChannelScale } })).rejects.toThrow(/Unknown loss "cubicLoss".*pass the function or class as loadModel\(…, \{ customObjects: \{ cubicLoss \} \}\)/);
      }
      const before = tf.memory().numTensors;
      const loaded = await loadModel(source, { customObjects: { ChannelScale, cubicLoss, absError } });
      expect(loaded.layers.at(-1)).toBeInstanceOf(ChannelScale);
      expectArraysClose(predictions(loaded), expected, 1e-6);
      if (!format.compiled) loaded.compile({ optimizer: 'sgd', loss: cubicLoss, metrics: [absError] });
      expect((loaded.compiled!.lossFunctions[0] as unknown as { fn: unknown }).fn).toBe(cubicLoss);
      // The first epoch makes the metrics' state (and, for model.json, the optimizer's slots): count after it.
      const first = await loaded.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
      const afterFirst = tf.memory().numTensors;
      const history = await loaded.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0 });
      expect(tf.memory().numTensors).toBe(afterFirst);
      expect(Object.keys(history.history)).toEqual(['loss', 'absError']);
      expect(history.history.loss[1]).toBeLessThan(first.history.loss[0]);
      loaded.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  for (const file of ['classes.keras', 'classes.dendrite']) {
    it(`reloads a custom loss class and metric class from ${file}`, async () => {
      const model = sequential({ layers: [dense({ units: 3, inputShape: [2] })] });
      model.compile({ optimizer: 'sgd', loss: new MeanCubicError(), metrics: [new MeanPrediction()] });
      const path = join(tempDir(), file);
      await model.save(path);
      model.dispose();
      await expect(loadModel(path)).rejects.toThrow(/Unknown loss "MeanCubicError".*customObjects: \{ MeanCubicError \}/);
      const loaded = await loadModel(path, { customObjects: { MeanCubicError, MeanPrediction } });
      expect(loaded.compiled!.lossFunctions[0]).toBeInstanceOf(MeanCubicError);
      await loaded.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
      const afterFirst = tf.memory().numTensors;
      const history = await loaded.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
      expect(Object.keys(history.history)).toEqual(['loss', 'mean_prediction']);
      const inputs = tf.tensor2d(x.values, [16, 2]);
      const output = loaded.predict(inputs) as tf.Tensor;
      const meanPrediction = tf.tidy(() => output.mean().dataSync()[0]);
      tf.dispose([inputs, output]);
      expect(tf.memory().numTensors).toBe(afterFirst);
      // The metric ran on each batch before its update: close to the mean prediction, not equal.
      expect(Math.abs(history.history.mean_prediction[0] - meanPrediction)).toBeLessThan(0.5);
      loaded.dispose();
    });
  }

  it('prefers customObjects to the registry for that load only, and leaves no scope behind a failed load', async () => {
    class AddOne extends Layer {
      static override className = 'AddOne';
      override call(inputs: TensorOrList): tf.Tensor {
        return tf.add(inputs as tf.Tensor, 1);
      }
    }
    class AddTwo extends AddOne {
      static override className = 'AddOne';
      override call(inputs: TensorOrList): tf.Tensor {
        return tf.add(inputs as tf.Tensor, 2);
      }
    }
    registerClass(AddOne);
    const model = sequential({ layers: [dense({ units: 3, inputShape: [2] }), new AddOne()] });
    model.compile({ optimizer: 'sgd', loss: cubicLoss });
    const path = join(tempDir(), 'add.keras');
    await model.save(path);
    model.dispose();
    const custom = await loadModel(path, { customObjects: { AddOne: AddTwo, cubicLoss } });
    expect(custom.layers.at(-1)).toBeInstanceOf(AddTwo);
    custom.dispose();
    await expect(loadModel(path)).rejects.toThrow(/Unknown loss "cubicLoss"/);
    const registered = await loadModel(path, { customObjects: { cubicLoss } });
    expect(registered.layers.at(-1)).not.toBeInstanceOf(AddTwo);
    expect(registered.layers.at(-1)).toBeInstanceOf(AddOne);
    registered.dispose();
  });

  it('loads uncompiled with compile: false, and refuses unknown option keys naming the one meant', async () => {
    const model = await trainedModel();
    const path = join(tempDir(), 'plain.keras');
    await model.save(path);
    model.dispose();
    const loaded = await loadModel(path, { customObjects: { ChannelScale }, compile: false });
    expect(loaded.compiled).toBeUndefined();
    loaded.dispose();
    await expect(loadModel(path, { custom_objects: { ChannelScale } } as never)).rejects.toThrow(new TypeError('Unknown option "custom_objects" in loadModel: did you mean "customObjects"?'));
    await expect(loadModel(path, { customObjects: [ChannelScale] as never })).rejects.toThrow(/Expected customObjects to be an object of classes and functions by name/);
  });
});
