import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';

/**
 * The end of the Keras subclassing guide: a variational autoencoder as a subclassed `Model`
 * (Sampling, Encoder and Decoder layers holding their Dense layers as properties, the KL term via
 * `addLoss`), trained by the guide's GradientTape loop and then by `compile` + `fit`. 256 MNIST rows.
 */

type Tensor = dn.tf.Tensor;
type TensorOrList = dn.layers.TensorOrList;
const { tf } = dn;
const originalDim = 784;

/** Uses (z_mean, z_log_var) to sample z, the vector encoding a digit. */
class Sampling extends dn.layers.Layer {
  static override className = 'Sampling';
  override call(inputs: TensorOrList): Tensor {
    const [zMean, zLogVar] = inputs as Tensor[];
    const epsilon = tf.randomNormal(zMean.shape);
    return tf.add(zMean, tf.mul(tf.exp(tf.mul(0.5, zLogVar)), epsilon));
  }
}

/** Maps MNIST digits to a triplet (z_mean, z_log_var, z). */
class Encoder extends dn.layers.Layer {
  static override className = 'Encoder';
  readonly denseProj: dn.layers.Dense;
  readonly denseMean: dn.layers.Dense;
  readonly denseLogVar: dn.layers.Dense;
  readonly sampling = new Sampling();
  constructor(latentDim = 32, intermediateDim = 64) {
    super({ name: 'encoder' });
    this.denseProj = dn.layers.dense({ units: intermediateDim, activation: 'relu' });
    this.denseMean = dn.layers.dense({ units: latentDim });
    this.denseLogVar = dn.layers.dense({ units: latentDim });
  }
  override call(inputs: TensorOrList): Tensor[] {
    const x = this.denseProj.apply(inputs) as Tensor;
    const zMean = this.denseMean.apply(x) as Tensor;
    const zLogVar = this.denseLogVar.apply(x) as Tensor;
    const z = this.sampling.apply([zMean, zLogVar]) as Tensor;
    return [zMean, zLogVar, z];
  }
}

/** Converts z back into a readable digit. */
class Decoder extends dn.layers.Layer {
  static override className = 'Decoder';
  readonly denseProj: dn.layers.Dense;
  readonly denseOutput: dn.layers.Dense;
  constructor(intermediateDim = 64) {
    super({ name: 'decoder' });
    this.denseProj = dn.layers.dense({ units: intermediateDim, activation: 'relu' });
    this.denseOutput = dn.layers.dense({ units: originalDim, activation: 'sigmoid' });
  }
  override call(inputs: TensorOrList): Tensor {
    return this.denseOutput.apply(this.denseProj.apply(inputs)) as Tensor;
  }
}

/** Combines the encoder and decoder into an end-to-end model for training. */
class VariationalAutoEncoder extends dn.Model {
  static override className = 'VariationalAutoEncoder';
  readonly encoder: Encoder;
  readonly decoder: Decoder;
  constructor(intermediateDim = 64, latentDim = 32) {
    super({ name: 'autoencoder' });
    this.encoder = new Encoder(latentDim, intermediateDim);
    this.decoder = new Decoder(intermediateDim);
  }
  override call(inputs: TensorOrList): Tensor {
    const [zMean, zLogVar, z] = this.encoder.apply(inputs) as unknown as Tensor[];
    const reconstructed = this.decoder.apply(z) as Tensor;
    // Add KL divergence regularization loss.
    const klLoss = tf.mul(-0.5, tf.mean(tf.add(tf.sub(tf.sub(zLogVar, tf.square(zMean)), tf.exp(zLogVar)), 1)));
    this.addLoss(klLoss);
    return reconstructed;
  }
}

describe('Keras guide: a subclassed Model (the variational autoencoder)', () => {
  let xTrain: Tensor;

  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(11);
    const { train } = await dn.datasets.mnist();
    const scaled = dn.datasets.scaleImages({ values: train.x.values.subarray(0, 256 * 784), shape: [256, 784] });
    xTrain = tf.tensor2d(scaled.values, [256, 784]);
  });

  it('guide [vae = VariationalAutoEncoder(784, 64, 32)]: every Dense inside Encoder and Decoder is a weight of the model', () => {
    const vae = new VariationalAutoEncoder(64, 32);
    const out = vae.apply(xTrain.slice(0, 2)) as Tensor;
    expect(out.shape).toEqual([2, 784]);
    // encoder: 784·64+64, 64·32+32 twice; decoder: 64·32... (32·64+64) and 64·784+784
    expect(vae.trainableWeights).toHaveLength(10);
    expect(vae.countParams()).toBe(50240 + 2080 * 2 + 2112 + 50960);
    expect(vae.losses).toHaveLength(1);
    out.dispose();
    vae.dispose();
  });

  it('guide [for step, x_batch_train in enumerate(train_dataset): GradientTape; loss = mse_loss_fn(x, reconstructed) + sum(vae.losses); loss_metric(loss)]', () => {
    const vae = new VariationalAutoEncoder(64, 32);
    const optimizer = dn.optimizers.adam({ learningRate: 1e-3 });
    const mseLossFn = new dn.losses.MeanSquaredError();
    const lossMetric = new dn.metrics.Mean();
    const means: number[] = [];
    vae.apply(xTrain.slice(0, 1)); // build
    for (let epoch = 0; epoch < 2; epoch++) {
      for (let step = 0; step < 4; step++) {
        const xBatchTrain = xTrain.slice(step * 64, 64);
        const variables = vae.trainableWeights.map((weight) => weight.variable);
        const { value, grads } = tf.variableGrads(() => {
          const reconstructed = vae.apply(xBatchTrain, { training: true }) as Tensor;
          return tf.addN([mseLossFn.apply(xBatchTrain, reconstructed), ...vae.losses]) as dn.tf.Scalar;
        }, variables);
        optimizer.applyGradients(variables.map((variable) => [grads[variable.name], variable] as const));
        lossMetric.updateState(value);
        tf.dispose([xBatchTrain, value, ...Object.values(grads)]);
      }
      means.push(lossMetric.result().dataSync()[0]); // print("step %d: mean loss = %.4f" % (step, loss_metric.result()))
    }
    expect(means[1]).toBeLessThan(means[0]);
    vae.dispose();
  });

  it('guide [vae.compile(optimizer, loss=keras.losses.MeanSquaredError()); vae.fit(x_train, x_train, epochs=2, batch_size=64)]', async () => {
    const vae = new VariationalAutoEncoder(64, 32);
    vae.compile({ optimizer: dn.optimizers.adam({ learningRate: 1e-3 }), loss: new dn.losses.MeanSquaredError() });
    const history = await vae.fit(xTrain, xTrain, { epochs: 2, batchSize: 64, verbose: 0 });
    expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
    // The KL term is in the reported loss: it exceeds the reconstruction error alone.
    const before = tf.memory().numTensors;
    const loss = (await vae.evaluate(xTrain, xTrain, { verbose: 0 })) as number;
    expect(tf.memory().numTensors).toBe(before);
    const reconstructed = vae.predict(xTrain) as Tensor;
    const mse = tf.tidy(() => tf.mean(tf.square(tf.sub(reconstructed, xTrain)))).dataSync()[0];
    expect(loss).toBeGreaterThan(mse);
    reconstructed.dispose();
    vae.dispose();
  });
});
