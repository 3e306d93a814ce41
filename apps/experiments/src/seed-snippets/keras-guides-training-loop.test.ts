import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';

/**
 * The Keras guide "Writing a training loop from scratch in TensorFlow"
 * (keras-io guides/writing_a_custom_training_loop_in_tensorflow.py): `tf.GradientTape` becomes
 * `dn.tf.variableGrads`, `optimizer.apply_gradients(zip(grads, model.trainable_weights))` becomes
 * `optimizer.applyGradients`, the dataset is `dn.datasets.Dataset`, and the metrics go through
 * `updateState` / `result` / `resetState`. 512 MNIST rows.
 */

type Tensor = dn.tf.Tensor;
type Symbolic = dn.layers.SymbolicTensor;
const { tf } = dn;
let xTrain: { values: Float32Array; shape: number[] };
let yTrain: { values: Float32Array; shape: number[] };

/** inputs → Dense(64, relu) → Dense(64, relu) → Dense(10) (logits) */
function getModel(): dn.Functional {
  const inputs = dn.input({ shape: [784], name: 'digits' });
  const x1 = dn.layers.dense({ units: 64, activation: 'relu' }).apply(inputs) as Symbolic;
  const x2 = dn.layers.dense({ units: 64, activation: 'relu' }).apply(x1) as Symbolic;
  const outputs = dn.layers.dense({ units: 10, name: 'predictions' }).apply(x2) as Symbolic;
  return dn.model({ inputs, outputs });
}

/** One step of the guide's loop: forward under the tape, gradients, apply_gradients; returns the loss. */
function trainStep(model: dn.Model, optimizer: dn.optimizers.Optimizer, lossFn: dn.losses.Loss, x: Tensor, y: Tensor, metric?: dn.metrics.Metric): number {
  const variables = model.trainableWeights.map((weight) => weight.variable);
  const { value, grads } = tf.variableGrads(() => {
    const logits = model.apply(x, { training: true }) as Tensor;
    metric?.updateState(y, logits);
    return lossFn.apply(y, logits) as dn.tf.Scalar;
  }, variables);
  optimizer.applyGradients(variables.map((variable) => [grads[variable.name], variable] as const));
  const loss = value.dataSync()[0];
  tf.dispose([value, ...Object.values(grads)]);
  return loss;
}

describe('Keras guide: a training loop from scratch', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(7);
    const { train } = await dn.datasets.mnist();
    xTrain = dn.datasets.scaleImages({ values: train.x.values.subarray(0, 512 * 784), shape: [512, 784] });
    yTrain = { values: Float32Array.from(train.y.values.subarray(0, 512)), shape: [512] };
  });

  it('guide [with tf.GradientTape(): logits = model(x, training=True); loss_value = loss_fn(y, logits); apply_gradients]: the loss falls', async () => {
    const before = tf.memory().numTensors;
    const model = getModel();
    const optimizer = dn.optimizers.adam({ learningRate: 1e-3 });
    const lossFn = new dn.losses.SparseCategoricalCrossentropy({ fromLogits: true });
    const trainAccMetric = new dn.metrics.SparseCategoricalAccuracy();
    // train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(buffer_size=1024).batch(batch_size)
    const trainDataset = dn.datasets.Dataset.fromTensorSlices({ x: xTrain, y: yTrain }).shuffle(1024, 7).batch(64);
    const epochMeans: number[] = [];
    const accuracies: number[] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      const losses: number[] = [];
      for await (const batch of trainDataset) {
        const x = tf.tensor2d(batch.x.values, batch.x.shape as [number, number]);
        const y = tf.tensor1d(batch.y.values);
        losses.push(trainStep(model, optimizer, lossFn, x, y, trainAccMetric));
        tf.dispose([x, y]);
      }
      epochMeans.push(losses.reduce((a, b) => a + b, 0) / losses.length);
      const trainAcc = trainAccMetric.result(); // train_acc = train_acc_metric.result()
      accuracies.push(trainAcc.dataSync()[0]);
      trainAcc.dispose();
      trainAccMetric.resetState(); // train_acc_metric.reset_state()
      expect(losses).toHaveLength(8);
    }
    expect(epochMeans[2]).toBeLessThan(epochMeans[0]);
    expect(accuracies[2]).toBeGreaterThan(accuracies[0]);
    model.dispose();
    trainAccMetric.dispose();
    (optimizer as { dispose?: () => void }).dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('guide [the hand-written step is the one fit runs]: one SGD step by variableGrads = train_on_batch', async () => {
    const byHand = getModel();
    const byFit = getModel();
    const initial = byHand.getWeights();
    byFit.setWeights(initial);
    tf.dispose(initial);
    const x = tf.tensor2d(xTrain.values.subarray(0, 64 * 784), [64, 784]);
    const y = tf.tensor1d(yTrain.values.subarray(0, 64));
    const lossFn = new dn.losses.SparseCategoricalCrossentropy({ fromLogits: true });
    const handLoss = trainStep(byHand, dn.optimizers.sgd({ learningRate: 0.1 }), lossFn, x, y);
    byFit.compile({ optimizer: dn.optimizers.sgd({ learningRate: 0.1 }), loss: new dn.losses.SparseCategoricalCrossentropy({ fromLogits: true }) });
    const fitLoss = (await byFit.trainOnBatch(x, y)) as number;
    expect(fitLoss).toBeCloseTo(handLoss, 5);
    const [a, b] = [byHand.getWeights(), byFit.getWeights()];
    a.forEach((weight, index) => {
      const largest = tf.tidy(() => tf.max(tf.abs(tf.sub(weight, b[index])))).dataSync()[0];
      expect(largest).toBeLessThan(1e-5);
    });
    tf.dispose([x, y, ...a, ...b]);
    byHand.dispose();
    byFit.dispose();
  });

  it('guide [metrics: SparseCategoricalAccuracy().update_state(y, logits); result(); reset_state()]: a running count', () => {
    const metric = new dn.metrics.SparseCategoricalAccuracy();
    const logits = tf.tensor2d([[0.1, 2, 0], [3, 0, 0], [0, 0, 1], [0, 5, 0]]);
    metric.updateState(tf.tensor1d([1, 0, 0, 0]), logits.slice(0, 4)); // 2 of 4 right
    expect(metric.result().dataSync()[0]).toBeCloseTo(0.5, 6);
    metric.updateState(tf.tensor1d([1, 0]), tf.tensor2d([[0, 1, 0], [1, 0, 0]])); // 2 of 2 more
    expect(metric.result().dataSync()[0]).toBeCloseTo(4 / 6, 6);
    metric.resetState();
    expect(metric.result().dataSync()[0]).toBe(0);
    const mean = new dn.metrics.Mean(); // loss_metric = keras.metrics.Mean(); loss_metric(loss)
    for (const value of [1, 2, 6]) mean.updateState(tf.scalar(value));
    expect(mean.result().dataSync()[0]).toBeCloseTo(3, 6);
  });

  it('guide [loss_value += sum(model.losses)]: an activity-regularized model adds its losses inside the tape', () => {
    const inputs = dn.input({ shape: [784] });
    const hidden = dn.layers.dense({ units: 64, activation: 'relu', activityRegularizer: dn.layers.regularizers.l2(1e-2) }).apply(inputs) as Symbolic;
    const outputs = dn.layers.dense({ units: 10 }).apply(hidden) as Symbolic;
    const model = dn.model({ inputs, outputs });
    const lossFn = new dn.losses.SparseCategoricalCrossentropy({ fromLogits: true });
    const x = tf.tensor2d(xTrain.values.subarray(0, 32 * 784), [32, 784]);
    const y = tf.tensor1d(yTrain.values.subarray(0, 32));
    const { value, grads } = tf.variableGrads(() => {
      const logits = model.apply(x, { training: true }) as Tensor;
      const lossValue = lossFn.apply(y, logits);
      return tf.addN([lossValue, ...model.losses]) as dn.tf.Scalar;
    }, model.trainableWeights.map((weight) => weight.variable));
    const plain = tf.tidy(() => lossFn.apply(y, model.apply(x) as Tensor));
    expect(value.dataSync()[0]).toBeGreaterThan(plain.dataSync()[0]);
    tf.dispose([x, y, value, plain, ...Object.values(grads)]);
    model.dispose();
  });
});
