import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { tempFolder } from './helpers-003';

/**
 * The Keras guide "The Functional API" (keras-io guides/functional_api.py), its canonical snippets
 * as a Dendrite user writes them: the MNIST model, save/load, a model used as a layer (autoencoder,
 * ensemble), the multi-input multi-output ticket model with named inputs, shared layers and
 * feature extraction. Small data, a few steps.
 */

type Tensor = dn.tf.Tensor;
type Symbolic = dn.layers.SymbolicTensor;
let xTrain: Tensor;
let yTrain: Tensor;

/** inputs → Dense(64, relu) → Dense(64, relu) → Dense(10), name="mnist_model" */
function mnistModel(): dn.Functional {
  const inputs = dn.input({ shape: [784] });
  const dense = dn.layers.dense({ units: 64, activation: 'relu' });
  let x = dense.apply(inputs) as Symbolic;
  x = dn.layers.dense({ units: 64, activation: 'relu' }).apply(x) as Symbolic;
  const outputs = dn.layers.dense({ units: 10 }).apply(x) as Symbolic;
  return dn.model({ inputs, outputs, name: 'mnist_model' });
}

describe('Keras guide: the functional API', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(1);
    const { train } = await dn.datasets.mnist();
    // x_train = x_train.reshape(60000, 784).astype("float32") / 255 (first 640 rows)
    const scaled = dn.datasets.scaleImages({ values: train.x.values.subarray(0, 640 * 784), shape: [640, 784] });
    xTrain = dn.tf.tensor2d(scaled.values, [640, 784]);
    yTrain = dn.tf.tensor1d(train.y.values.subarray(0, 640), 'int32');
  });

  it('guide [keras.Model(inputs=inputs, outputs=outputs, name="mnist_model"); model.summary()]: 50,240 / 4,160 / 650', () => {
    const model = mnistModel();
    const text = model.summary({ printFn: null });
    expect(text).toContain('Model: "mnist_model"');
    expect(model.layers.map((layer) => layer.countParams())).toEqual([0, 50240, 4160, 650]);
    expect(text).toContain('Total params: 55,050');
    model.dispose();
  });

  it('guide [compile(SparseCategoricalCrossentropy(from_logits=True), RMSprop(), ["accuracy"]); fit(batch_size=64, epochs=2, validation_split=0.2); evaluate(verbose=2)]', async () => {
    const before = dn.tf.memory().numTensors;
    const model = mnistModel();
    model.compile({ loss: new dn.losses.SparseCategoricalCrossentropy({ fromLogits: true }), optimizer: dn.optimizers.rmsprop(), metrics: ['accuracy'] });
    const history = await model.fit(xTrain, yTrain, { batchSize: 64, epochs: 2, validationSplit: 0.2, verbose: 0 });
    expect(Object.keys(history.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
    const [xTest, yTest, xNew] = [xTrain.slice(512), yTrain.slice(512), xTrain.slice(0, 8)];
    const testScores = (await model.evaluate(xTest, yTest, { verbose: 2 })) as number[];
    expect(testScores).toHaveLength(2); // print("Test loss:", test_scores[0]); print("Test accuracy:", test_scores[1])
    expect(testScores[1]).toBeGreaterThan(0.5);
    // save("path_to_my_model.keras"); del model; model = keras.models.load_model(...): the same predictions
    const path = join(tempFolder('functional'), 'path_to_my_model.keras');
    await model.save(path);
    const expected = model.predict(xNew) as Tensor;
    model.dispose();
    const reloaded = await dn.loadModel(path);
    const again = reloaded.predict(xNew) as Tensor;
    expect(Array.from(again.dataSync())).toEqual(Array.from(expected.dataSync()));
    dn.tf.dispose([expected, again, xTest, yTest, xNew]);
    reloaded.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });

  it('guide [encoder = keras.Model(encoder_input, encoder_output, name="encoder"); autoencoder = keras.Model(autoencoder_input, decoder(encoder(autoencoder_input)))]', () => {
    const encoderInput = dn.input({ shape: [28, 28, 1], name: 'original_img' });
    let x = dn.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(encoderInput) as Symbolic;
    x = dn.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(x) as Symbolic;
    x = dn.layers.maxPooling2d({ poolSize: 3 }).apply(x) as Symbolic;
    x = dn.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(x) as Symbolic;
    x = dn.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(x) as Symbolic;
    const encoderOutput = dn.layers.globalMaxPooling2d().apply(x) as Symbolic;
    const encoder = dn.model({ inputs: encoderInput, outputs: encoderOutput, name: 'encoder' });
    expect(encoder.outputs[0].shape).toEqual([null, 16]);

    const decoderInput = dn.input({ shape: [16], name: 'encoded_img' });
    let y = dn.layers.reshape({ targetShape: [4, 4, 1] }).apply(decoderInput) as Symbolic;
    y = dn.layers.conv2dTranspose({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(y) as Symbolic;
    y = dn.layers.conv2dTranspose({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(y) as Symbolic;
    y = dn.layers.upSampling2d({ size: 3 }).apply(y) as Symbolic;
    y = dn.layers.conv2dTranspose({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(y) as Symbolic;
    const decoderOutput = dn.layers.conv2dTranspose({ filters: 1, kernelSize: 3, activation: 'relu' }).apply(y) as Symbolic;
    const decoder = dn.model({ inputs: decoderInput, outputs: decoderOutput, name: 'decoder' });

    const autoencoderInput = dn.input({ shape: [28, 28, 1], name: 'img' });
    const encodedImg = encoder.apply(autoencoderInput) as Symbolic;
    const decodedImg = decoder.apply(encodedImg) as Symbolic;
    const autoencoder = dn.model({ inputs: autoencoderInput, outputs: decodedImg, name: 'autoencoder' });
    expect(autoencoder.outputs[0].shape).toEqual([null, 28, 28, 1]);
    expect(autoencoder.layers.map((layer) => layer.name)).toEqual(['img', 'encoder', 'decoder']);
    expect(autoencoder.countParams()).toBe(encoder.countParams() + decoder.countParams());
    const before = dn.tf.memory().numTensors;
    const images = dn.tf.tidy(() => xTrain.slice(0, 2).reshape([2, 28, 28, 1]));
    const out = autoencoder.predict(images) as Tensor;
    expect(out.shape).toEqual([2, 28, 28, 1]);
    dn.tf.dispose([images, out]);
    expect(dn.tf.memory().numTensors).toBe(before);
    autoencoder.dispose();
  });

  it('guide [ensemble: y1 = model1(inputs) …; outputs = layers.average([y1, y2, y3])]: the mean of the three models', () => {
    const getModel = () => {
      const inputs = dn.input({ shape: [128] });
      const outputs = dn.layers.dense({ units: 1 }).apply(inputs) as Symbolic;
      return dn.model({ inputs, outputs });
    };
    const [model1, model2, model3] = [getModel(), getModel(), getModel()];
    const inputs = dn.input({ shape: [128] });
    const [y1, y2, y3] = [model1, model2, model3].map((member) => member.apply(inputs) as Symbolic);
    const outputs = (dn.layers.average as unknown as (tensors: Symbolic[]) => Symbolic)([y1, y2, y3]);
    const ensembleModel = dn.model({ inputs, outputs });
    const x = dn.tf.randomNormal([4, 128]);
    const predictions = [model1, model2, model3].map((member) => member.predict(x) as Tensor);
    const ensemble = ensembleModel.predict(x) as Tensor;
    const mean = dn.tf.tidy(() => dn.tf.addN(predictions).div(3));
    Array.from(ensemble.dataSync()).forEach((value, index) => expect(value).toBeCloseTo(mean.dataSync()[index], 5));
    dn.tf.dispose([x, ensemble, mean, ...predictions]);
    ensembleModel.dispose();
  });

  it('guide [shared_embedding = layers.Embedding(1000, 128); encoded_input_a = shared_embedding(text_input_a); … (text_input_b)]: one set of weights', () => {
    const sharedEmbedding = dn.layers.embedding({ inputDim: 1000, outputDim: 128 });
    const textInputA = dn.input({ shape: [null], dtype: 'int32' });
    const textInputB = dn.input({ shape: [null], dtype: 'int32' });
    const encodedInputA = sharedEmbedding.apply(textInputA) as Symbolic;
    const encodedInputB = sharedEmbedding.apply(textInputB) as Symbolic;
    expect(encodedInputA.shape).toEqual([null, null, 128]);
    const both = dn.model({ inputs: [textInputA, textInputB], outputs: [encodedInputA, encodedInputB] });
    expect(both.countParams()).toBe(128000);
    expect(sharedEmbedding.inboundNodes).toHaveLength(2);
    const a = dn.tf.tensor2d([[1, 2, 3]], [1, 3], 'int32');
    const [outA, outB] = both.predict([a, a]) as Tensor[];
    expect(Array.from(outA.dataSync())).toEqual(Array.from(outB.dataSync()));
    dn.tf.dispose([a, outA, outB]);
    both.dispose();
  });

  it('guide [features_list = [layer.output for layer in model.layers]; keras.Model(inputs=model.input, outputs=features_list)]', () => {
    const model = mnistModel();
    const withOutputs = model as unknown as { input: Symbolic; layers: Array<{ output: Symbolic }> };
    const featuresList = withOutputs.layers.map((layer) => layer.output);
    const featExtractionModel = dn.model({ inputs: withOutputs.input, outputs: featuresList });
    const x = xTrain.slice(0, 2);
    const features = featExtractionModel.predict(x) as Tensor[];
    expect(features.map((feature) => feature.shape)).toEqual([[2, 784], [2, 64], [2, 64], [2, 10]]);
    dn.tf.dispose([x, ...features]);
    model.dispose();
  });
});
