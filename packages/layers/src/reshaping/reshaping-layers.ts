import { tf } from '@dendrite/backend';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { checkPositiveInteger } from '../core/argument-checks';

const product = (sizes: Array<number | null>) => (sizes.some((s) => s === null) ? null : (sizes as number[]).reduce((a, b) => a * b, 1));

/** Flattens every axis after the batch: `[batch, 28, 28, 1]` → `[batch, 784]`. */
export class Flatten extends Layer {
  static override className = 'Flatten';
  constructor(args: LayerArgs = {}) {
    super(args);
    this.inputSpec = { minNdim: 1 };
  }
  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    return tf.reshape(x, [x.shape[0], -1]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [shape[0], product(shape.slice(1))];
  }
}

/** Reshapes every sample to `targetShape` (one −1 allowed). */
export class Reshape extends Layer {
  static override className = 'Reshape';
  readonly targetShape: number[];
  constructor(args: LayerArgs & { targetShape: number[] }) {
    super(args);
    const target = args.targetShape;
    if (!Array.isArray(target) || target.filter((s) => s === -1).length > 1 || target.some((s) => !Number.isInteger(s) || (s < 1 && s !== -1))) {
      throw new Error(`Expected targetShape to be sizes ≥ 1 with at most one −1, received ${JSON.stringify(target)} in layer "${this.name}"`);
    }
    this.targetShape = [...target];
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const size = product(shape.slice(1));
    const known = this.targetShape.filter((s) => s !== -1).reduce((a, b) => a * b, 1);
    if (size === null) return [shape[0], ...this.targetShape.map((s) => (s === -1 ? null : s))];
    const free = this.targetShape.includes(-1) ? size / known : undefined;
    if ((free === undefined && known !== size) || (free !== undefined && !Number.isInteger(free))) {
      throw new Error(`Expected a target shape holding ${size} values per sample in layer "${this.name}", received targetShape [${this.targetShape.join(', ')}] for input ${shapeToString(shape)}`);
    }
    return [shape[0], ...this.targetShape.map((s) => (s === -1 ? (free as number) : s))];
  }
  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
  }
  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    const [, ...rest] = this.computeOutputShape(x.shape);
    return tf.reshape(x, [x.shape[0], ...(rest as number[])]);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), target_shape: this.targetShape };
  }
}

/** Permutes the axes after the batch; `dims` counts from 1, as Keras. */
export class Permute extends Layer {
  static override className = 'Permute';
  readonly dims: number[];
  constructor(args: LayerArgs & { dims: number[] }) {
    super(args);
    const sorted = [...(args.dims ?? [])].sort((a, b) => a - b);
    if (sorted.length === 0 || sorted.some((d, i) => d !== i + 1)) {
      throw new Error(`Expected dims to be a permutation of 1…${sorted.length || 'n'}, received ${JSON.stringify(args.dims)} in layer "${this.name}"`);
    }
    this.dims = [...args.dims];
    this.inputSpec = { ndim: this.dims.length + 1 };
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return tf.transpose(inputs as tf.Tensor, [0, ...this.dims]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [shape[0], ...this.dims.map((d) => shape[d])];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dims: this.dims };
  }
}

/** Repeats a `[batch, features]` input `n` times: `[batch, n, features]`. */
export class RepeatVector extends Layer {
  static override className = 'RepeatVector';
  readonly n: number;
  constructor(args: LayerArgs & { n: number }) {
    super(args);
    this.n = checkPositiveInteger(args.n, 'n', this.name);
    this.inputSpec = { ndim: 2 };
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return tf.tile(tf.expandDims(inputs as tf.Tensor, 1), [1, this.n, 1]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [shape[0], this.n, shape[1]];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), n: this.n };
  }
}

for (const layer of [Flatten, Reshape, Permute, RepeatVector]) registerLayer(layer as never);

export const flatten = (args: LayerArgs = {}) => new Flatten(args);
export const reshape = (args: LayerArgs & { targetShape: number[] }) => new Reshape(args);
export const permute = (args: LayerArgs & { dims: number[] }) => new Permute(args);
export const repeatVector = (args: LayerArgs & { n: number }) => new RepeatVector(args);

