import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { type AddWeightOptions, type CallArgs, Layer, type LayerArgs, type TensorOrList } from './layer';
import { deserializeLayer, registerLayer, serializeLayer } from './layer-registry';
import type { LayerVariable } from './layer-variable';
import { input } from './input-layer';
import { getMask, setMask } from './masking';
import type { Shape } from './shape';
import { SymbolicTensor } from './symbolic-tensor';
import { resetUniqueNames } from './unique-names';

const ones = { call: (shape: number[]) => tf.ones(shape) };
const squarePenalty = { call: (w: tf.Tensor) => tf.mul(0.5, tf.sum(tf.square(w))) };
const clipToOne = { call: (w: tf.Tensor) => tf.clipByValue(w, -1, 1) };

interface ScaleArgs extends LayerArgs {
  penalize?: boolean;
}

/** A user-written layer: multiplies the last axis by a learned vector. */
class Scale extends Layer {
  static override className = 'Scale';
  factor?: LayerVariable;
  constructor(private readonly scaleArgs: ScaleArgs = {}) {
    super(scaleArgs);
    this.inputSpec = { minNdim: 2 };
    this.supportsMasking = true;
  }
  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    this.factor = this.addWeight('factor', [shape[shape.length - 1]], {
      initializer: ones,
      regularizer: this.scaleArgs.penalize ? squarePenalty : undefined,
      constraint: clipToOne,
    });
  }
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return tf.mul(inputs as tf.Tensor, this.factor!.read());
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), penalize: this.scaleArgs.penalize ?? false };
  }
}
registerLayer(Scale);

afterEach(() => resetUniqueNames());

describeEachBackend('Layer', () => {
  it('builds on first call from the input shape and computes', async () => {
    const layer = new Scale();
    expect(layer.built).toBe(false);
    const x = tf.tensor2d([[1, 2, 3]]);
    const y = layer.apply(x) as tf.Tensor;
    expect(layer.built).toBe(true);
    expect(layer.weights.map((w) => [w.name, w.path, w.shape])).toEqual([['factor', 'scale/factor', [3]]]);
    expectArraysClose(y, [1, 2, 3]);
    await expectNoLeakedTensors(() => tf.dispose(layer.apply(x)));
    tf.dispose([x, y]);
    layer.dispose();
  });

  it('casts integer inputs to its dtype', () => {
    const layer = new Scale();
    const y = layer.apply(tf.tensor2d([[1, 2]], undefined, 'int32')) as tf.Tensor;
    expect(y.dtype).toBe('float32');
    y.dispose();
    layer.dispose();
  });

  it('records calls on symbolic tensors and returns symbolic outputs', () => {
    const x = input({ shape: [4] });
    const layer = new Scale({ name: 'scaler' });
    const y = layer.apply(x) as SymbolicTensor;
    expect(y).toBeInstanceOf(SymbolicTensor);
    expect(y.shape).toEqual([null, 4]);
    expect(y.sourceLayer).toBe(layer);
    expect(layer.inboundNodes).toHaveLength(1);
    expect(layer.inboundNodes[0].inputs[0]).toBe(x);
    layer.dispose();
  });

  it('checks inputs against its spec, naming itself', () => {
    const layer = new Scale({ name: 'scale_in' });
    expect(() => layer.apply(tf.tensor1d([1, 2]))).toThrow('Expected inputShape of rank ≥ 2, received [2] in layer "scale_in"');
    expect(() => layer.apply('x' as never)).toThrow('Expected a tensor or a symbolic tensor as input 0 of layer "scale_in", received string x');
  });

  it('separates trainable and non-trainable weights and freezes with trainable = false', () => {
    const layer = new Scale();
    tf.dispose(layer.apply(tf.ones([1, 2])));
    expect(layer.trainableWeights).toHaveLength(1);
    layer.trainable = false;
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.nonTrainableWeights).toHaveLength(1);
    expect(layer.countParams()).toBe(2);
    layer.dispose();
  });

  it('sets weights with shape checks and changes nothing on a bad call', () => {
    const layer = new Scale({ name: 'scale_w' });
    tf.dispose(layer.apply(tf.ones([1, 2])));
    const good = tf.tensor1d([0.5, 0.25]);
    layer.setWeights([good]);
    const [read] = layer.getWeights();
    expectArraysClose(read, [0.5, 0.25]);
    const bad = tf.tensor1d([1, 2, 3]);
    expect(() => layer.setWeights([bad])).toThrow(
      'Expected weight 0 ("scale_w/factor") of layer "scale_w" to have shape [2], received [3]',
    );
    expect(() => layer.setWeights([])).toThrow('Expected 1 weight values for layer "scale_w", received 0');
    const [after] = layer.getWeights();
    expectArraysClose(after, [0.5, 0.25]);
    tf.dispose([good, bad, read, after]);
    layer.dispose();
  });

  it('reports regularization penalties and applies constraints', () => {
    const layer = new Scale({ penalize: true });
    tf.dispose(layer.apply(tf.ones([1, 2])));
    const [penalty] = tf.tidy(() => layer.losses.map((l) => tf.keep(l)));
    expectArraysClose(penalty, [1]); // 0.5 · (1² + 1²)
    const big = tf.tensor1d([3, -0.5]);
    layer.setWeights([big]);
    layer.applyConstraints();
    const [clipped] = layer.getWeights();
    expectArraysClose(clipped, [1, -0.5]);
    tf.dispose([penalty, big, clipped]);
    layer.dispose();
  });

  it('passes masks through layers that support masking', () => {
    const layer = new Scale();
    const x = tf.ones([2, 3]);
    const mask = tf.tensor1d([1, 0], 'bool');
    setMask(x, mask);
    const y = layer.apply(x) as tf.Tensor;
    expect(getMask(y)).toBe(mask);
    tf.dispose([x, y, mask]);
    layer.dispose();
  });

  it('round-trips through {class_name, config}', () => {
    const layer = new Scale({ name: 'custom', penalize: true, inputShape: [5] });
    const serialized = JSON.parse(JSON.stringify(serializeLayer(layer)));
    expect(serialized).toEqual({
      class_name: 'Scale',
      config: { name: 'custom', trainable: true, dtype: 'float32', batch_input_shape: [null, 5], penalize: true },
    });
    const rebuilt = deserializeLayer(serialized) as Scale;
    expect(rebuilt).toBeInstanceOf(Scale);
    expect(rebuilt.getConfig()).toEqual(serialized.config);
    expect(() => deserializeLayer({ class_name: 'Nope', config: {} })).toThrow(/Unknown layer "Nope": expected one of/);
  });
});

describe('layer names', () => {
  it('gives scale, scale_1 … and rejects bad names', () => {
    expect([new Scale().name, new Scale().name]).toEqual(['scale', 'scale_1']);
    expect(() => new Scale({ name: 'a/b' })).toThrow('Expected name to be a non-empty string without "/", received "a/b" in layer Scale');
  });
});

/** A user's layer whose weight options are identifiers, as Keras's `add_weight` takes them. */
class Identified extends Layer {
  static override className = 'Identified';
  kernel?: LayerVariable;
  constructor(private readonly weightOptions: AddWeightOptions | undefined) {
    super({});
  }
  override build(): void {
    this.kernel = this.addWeight('kernel', [2, 3], this.weightOptions);
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return tf.matMul(inputs as tf.Tensor, this.kernel!.read());
  }
}

describeEachBackend('Layer.addWeight with identifiers', () => {
  it('resolves names in both spellings, {className, config}, {class_name, config} and instances', async () => {
    const layer = new Identified({ initializer: 'ones', regularizer: 'l2', constraint: { className: 'MaxNorm', config: { maxValue: 1 } } });
    layer.maybeBuild([1, 2]);
    await expectNoLeakedTensors(() => {
      expectArraysClose(layer.kernel!.read(), new Array(6).fill(1));
      // L2 at Keras's default 0.01 on six ones.
      const [penalty] = layer.losses;
      expectArraysClose(penalty, [0.06], 1e-6);
      penalty.dispose();
      // Columns of norm √2 come down to norm 1.
      layer.applyConstraints();
      expectArraysClose(layer.kernel!.read(), new Array(6).fill(Math.SQRT1_2), 1e-6);
    });
    for (const options of [
      { initializer: 'glorot_normal', regularizer: 'L1L2', constraint: 'max_norm' },
      { initializer: 'glorotNormal', regularizer: { class_name: 'L2', config: { l2: 0.1 } }, constraint: 'non_neg' },
      { initializer: { class_name: 'RandomNormal', config: { stddev: 0.1, seed: 1 } }, regularizer: null, constraint: 'unit_norm' },
    ] satisfies AddWeightOptions[]) {
      const other = new Identified(options);
      other.maybeBuild([1, 2]);
      expect(other.kernel!.shape).toEqual([2, 3]);
      other.dispose();
    }
    layer.dispose();
  });

  it('defaults to glorot_uniform, and names the weight and layer for a bad identifier or key', () => {
    const plain = new Identified(undefined);
    plain.maybeBuild([1, 2]);
    expect(plain.kernel!.shape).toEqual([2, 3]);
    plain.dispose();
    const typo = new Identified({ initializer: 'glorot_unifrom' });
    expect(() => typo.maybeBuild([1, 2])).toThrow(/Unknown initializer "glorot_unifrom".*, for the initializer of weight "kernel" of layer "identified(_\d+)?"/);
    const key = new Identified({ initialiser: 'ones' } as never);
    expect(() => key.maybeBuild([1, 2])).toThrow(/Unknown option "initialiser" in addWeight of weight "kernel" of layer "identified(_\d+)?": did you mean "initializer"\?/);
  });
});

describe('inputDim', () => {
  it('means inputShape [inputDim], as Keras’s input_dim; inputShape wins; Embedding reads it as its vocabulary', async () => {
    const { dense } = await import('../core/dense');
    const { embedding } = await import('../embedding/embedding');
    expect(dense({ units: 4, inputDim: 3 }).batchInputShape).toEqual([null, 3]);
    expect(dense({ units: 4, inputDim: 3, batchSize: 8 }).batchInputShape).toEqual([8, 3]);
    expect(dense({ units: 4, inputDim: 3, inputShape: [5] }).batchInputShape).toEqual([null, 5]);
    expect(() => dense({ units: 4, inputDim: 0 })).toThrow(/Expected inputDim to be an integer ≥ 1, received 0 in layer "dense(_\d+)?"/);
    const words = embedding({ inputDim: 1000, outputDim: 8 });
    expect(words.inputDim).toBe(1000);
    expect(words.batchInputShape).toBeUndefined();
  });
});
