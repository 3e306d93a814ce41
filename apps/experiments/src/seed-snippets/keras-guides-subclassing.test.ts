import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';

/**
 * The Keras guide "Making new layers and models via subclassing"
 * (keras-io guides/making_new_layers_and_models_via_subclassing.py) as a Dendrite user writes it:
 * `Linear` with `addWeight`, a non-trainable `ComputeSum`, deferred `build`, nested `MLPBlock`,
 * `addLoss`, `getConfig`/`fromConfig`, the `training` argument and a subclassed VAE `Model`.
 */

type Tensor = dn.tf.Tensor;
type TensorOrList = dn.layers.TensorOrList;
const { tf } = dn;

class Linear extends dn.layers.Layer {
  static override className = 'Linear';
  readonly w: dn.layers.LayerVariable;
  readonly b: dn.layers.LayerVariable;
  constructor(units = 32, inputDim = 32) {
    super();
    this.w = this.addWeight('w', [inputDim, units], { initializer: 'random_normal', trainable: true } as never);
    this.b = this.addWeight('b', [units], { initializer: 'zeros', trainable: true } as never);
  }
  override call(inputs: TensorOrList): Tensor {
    return tf.add(tf.matMul(inputs as Tensor, this.w.read()), this.b.read());
  }
}

class ComputeSum extends dn.layers.Layer {
  static override className = 'ComputeSum';
  readonly total: dn.layers.LayerVariable;
  constructor(inputDim: number) {
    super();
    this.total = this.addWeight('total', [inputDim], { initializer: 'zeros', trainable: false } as never);
  }
  override call(inputs: TensorOrList): Tensor {
    this.total.write(tf.add(this.total.read(), tf.sum(inputs as Tensor, 0)));
    return this.total.read();
  }
}

/** The deferred-build Linear: weights made in build(input_shape), units in the config. */
class LazyLinear extends dn.layers.Layer {
  static override className = 'LazyLinear';
  readonly units: number;
  w?: dn.layers.LayerVariable;
  b?: dn.layers.LayerVariable;
  constructor({ units = 32, ...rest }: { units?: number } & dn.layers.LayerArgs = {}) {
    super(rest);
    this.units = units;
  }
  override build(inputShape: dn.layers.Shape): void {
    this.w = this.addWeight('w', [inputShape.at(-1)!, this.units], { initializer: 'random_normal', trainable: true } as never);
    this.b = this.addWeight('b', [this.units], { initializer: 'random_normal', trainable: true } as never);
  }
  override call(inputs: TensorOrList): Tensor {
    return tf.add(tf.matMul(inputs as Tensor, this.w!.read()), this.b!.read());
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}

class MLPBlock extends dn.layers.Layer {
  static override className = 'MLPBlock';
  readonly linear1 = new LazyLinear({ units: 32 });
  readonly linear2 = new LazyLinear({ units: 32 });
  readonly linear3 = new LazyLinear({ units: 1 });
  override call(inputs: TensorOrList): Tensor {
    let x = tf.relu(this.linear1.apply(inputs) as Tensor);
    x = tf.relu(this.linear2.apply(x) as Tensor);
    return this.linear3.apply(x) as Tensor;
  }
}

/** A layer that creates an activity regularization loss: add_loss(rate * sum(inputs)). */
class ActivityRegularizationLayer extends dn.layers.Layer {
  static override className = 'ActivityRegularizationLayer';
  constructor(readonly rate = 1e-2) {
    super();
  }
  override call(inputs: TensorOrList): Tensor {
    this.addLoss(tf.mul(this.rate, tf.sum(inputs as Tensor)));
    return inputs as Tensor;
  }
}

class CustomDropout extends dn.layers.Layer {
  static override className = 'CustomDropout';
  constructor(readonly rate: number) {
    super();
  }
  override call(inputs: TensorOrList, args: dn.layers.CallArgs): Tensor {
    if (args.training) return tf.dropout(inputs as Tensor, this.rate);
    return inputs as Tensor;
  }
}

describe('Keras guide: making new layers and models via subclassing', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(5);
  });

  it('guide [Linear(4, 2) with add_weight(initializer="random_normal"); y = linear_layer(ops.ones((2, 2))); weights == [w, b]]', () => {
    const x = tf.ones([2, 2]);
    const linearLayer = new Linear(4, 2);
    const y = linearLayer.apply(x) as Tensor;
    expect(y.shape).toEqual([2, 4]);
    // Both rows equal w's column sums (b is zero).
    const expected = tf.tidy(() => tf.sum(linearLayer.w.read(), 0));
    const rows = y.arraySync() as number[][];
    for (const row of rows) row.forEach((value, index) => expect(value).toBeCloseTo(expected.dataSync()[index], 5));
    expect(linearLayer.weights).toEqual([linearLayer.w, linearLayer.b]);
    tf.dispose([x, y, expected]);
    linearLayer.dispose();
  });

  it('guide [ComputeSum(2): a non-trainable weight; [2. 2.] then [4. 4.]; weights 1, non-trainable 1, trainable 0]', () => {
    const x = tf.ones([2, 2]);
    const mySum = new ComputeSum(2);
    expect(Array.from((mySum.apply(x) as Tensor).dataSync())).toEqual([2, 2]);
    expect(Array.from((mySum.apply(x) as Tensor).dataSync())).toEqual([4, 4]);
    expect([mySum.weights.length, mySum.nonTrainableWeights.length, mySum.trainableWeights.length]).toEqual([1, 1, 0]);
    x.dispose();
    mySum.dispose();
  });

  it('guide [Linear(32) built lazily on first call; MLPBlock: 6 weights, 6 trainable]', () => {
    const linearLayer = new LazyLinear({ units: 32 });
    expect(linearLayer.weights).toHaveLength(0);
    const x = tf.ones([2, 2]);
    const y = linearLayer.apply(x) as Tensor;
    expect(linearLayer.built).toBe(true);
    expect(y.shape).toEqual([2, 32]);
    const mlp = new MLPBlock();
    const out = mlp.apply(tf.ones([3, 64])) as Tensor; // the first call creates the weights
    expect(out.shape).toEqual([3, 1]);
    expect(mlp.weights).toHaveLength(6);
    expect(mlp.trainableWeights).toHaveLength(6);
    tf.dispose([x, y, out]);
    linearLayer.dispose();
    mlp.dispose();
  });

  it('guide [ActivityRegularizationLayer: add_loss(rate * sum(inputs)); layer.losses after each call]', () => {
    const layer = new ActivityRegularizationLayer(1e-2);
    expect(layer.losses).toHaveLength(0); // no losses until the layer is called
    const x = tf.ones([2, 3]);
    (layer.apply(x) as Tensor).dispose();
    expect(layer.losses).toHaveLength(1);
    expect(layer.losses[0].dataSync()[0]).toBeCloseTo(0.06, 6);
    (layer.apply(x) as Tensor).dispose();
    expect(layer.losses).toHaveLength(1); // reset at the start of each top-level call
    x.dispose();
  });

  it('guide [OuterLayerWithKernelRegularizer: Dense(32, kernel_regularizer=l2(1e-3)); layer.losses = 1e-3 · Σw²]', () => {
    class OuterLayerWithKernelRegularizer extends dn.layers.Layer {
      static override className = 'OuterLayerWithKernelRegularizer';
      readonly dense = dn.layers.dense({ units: 32, kernelRegularizer: dn.layers.regularizers.l2(1e-3) });
      override call(inputs: TensorOrList): Tensor {
        return this.dense.apply(inputs) as Tensor;
      }
    }
    const layer = new OuterLayerWithKernelRegularizer();
    const x = tf.zeros([1, 1]);
    (layer.apply(x) as Tensor).dispose();
    expect(layer.losses).toHaveLength(1);
    const kernel = layer.dense.weights[0].read();
    expect(layer.losses[0].dataSync()[0]).toBeCloseTo(1e-3 * tf.tidy(() => tf.sum(tf.square(kernel))).dataSync()[0], 6);
    x.dispose();
  });

  it('guide [inputs → Dense(32) → ActivityRegularizationLayer → Dense(1); compile(optimizer="adam", loss="mse"); fit]: add_loss joins the loss', async () => {
    const before = dn.tf.memory().numTensors;
    const inputs = dn.input({ shape: [3] });
    let x = dn.layers.dense({ units: 32 }).apply(inputs) as dn.layers.SymbolicTensor;
    x = new ActivityRegularizationLayer(1e-2).apply(x) as dn.layers.SymbolicTensor;
    const outputs = dn.layers.dense({ units: 1 }).apply(x) as dn.layers.SymbolicTensor;
    const model = dn.model({ inputs, outputs });
    model.compile({ optimizer: 'adam', loss: 'mse' });
    const [xs, ys] = [tf.randomNormal([16, 3]), tf.randomNormal([16, 1])];
    const history = await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    expect(Number.isFinite(history.history.loss[0])).toBe(true);
    // evaluate's loss = mse + 0.01 · Σ hidden activations
    const loss = (await model.evaluate(xs, ys, { batchSize: 16, verbose: 0 })) as number;
    const expected = tf.tidy(() => {
      const hidden = (model.layers[1].apply(xs) as Tensor).sum().mul(0.01);
      const prediction = model.predict(xs) as Tensor;
      return tf.losses.meanSquaredError(ys, prediction).add(hidden);
    });
    expect(loss).toBeCloseTo(expected.dataSync()[0], 3);
    tf.dispose([xs, ys, expected]);
    model.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });

  it('guide [layer = Linear(64); config = layer.get_config(); new_layer = Linear.from_config(config)]', () => {
    const layer = new LazyLinear({ units: 64 });
    const config = layer.getConfig();
    expect(config).toMatchObject({ name: layer.name, trainable: true, dtype: 'float32', units: 64 });
    const newLayer = LazyLinear.fromConfig(config) as LazyLinear;
    expect(newLayer.units).toBe(64);
    expect(newLayer.name).toBe(layer.name);
  });

  it('guide [CustomDropout(rate).call(inputs, training=None)]: drops only when training', () => {
    const layer = new CustomDropout(0.5);
    const x = tf.ones([100, 100]);
    const inference = layer.apply(x) as Tensor;
    const training = layer.apply(x, { training: true }) as Tensor;
    expect(inference.sum().dataSync()[0]).toBe(10000);
    const zeros = Array.from(training.dataSync()).filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(4000);
    expect(zeros).toBeLessThan(6000);
    tf.dispose([x, inference, training]);
  });
});
