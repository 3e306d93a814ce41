import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { type SymbolicTensor, isSymbolic } from '../engine/symbolic-tensor';
import { uniqueName } from '../engine/unique-names';
import { sliceTensor } from './slice-spec';
import { TF_OP_ALIASES, TF_OP_FUNCTIONS } from './tf-op-functions';

/**
 * A recorded TF op call: the first argument and the others by parameter name, in tf.keras 2.x's
 * layout, with each tensor argument replaced by `{__tensor__: i}`, its index among the layer's
 * inputs. Constants are kept as written (slices as `{start, stop, step}`).
 */
export interface TFOpCall {
  first: unknown;
  kwargs: Record<string, unknown>;
}

/** Arguments of {@link TFOpLambda}. */
export interface TFOpLambdaArgs extends LayerArgs {
  /** The TF op as Keras names it: `'math.add'`, `'__operators__.add'`, `'reshape'`, `'concat'`, … */
  function: string;
}

const TENSOR_KEY = '__tensor__';

/**
 * Whether `value` stands for the layer's input `value.__tensor__` in a {@link TFOpCall}.
 *
 * @example
 * ```ts
 * isTensorPlaceholder({ __tensor__: 0 }); // true
 * ```
 */
export function isTensorPlaceholder(value: unknown): value is { __tensor__: number } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Record<string, unknown>)[TENSOR_KEY] === 'number';
}

/**
 * `value` with every tensor placeholder replaced by `replace(index)`, lists and dicts walked.
 *
 * @example
 * ```ts
 * mapTensorPlaceholders({ y: { __tensor__: 1 } }, (index) => tensors[index]); // { y: tensors[1] }
 * ```
 */
export function mapTensorPlaceholders(value: unknown, replace: (index: number) => unknown): unknown {
  if (isTensorPlaceholder(value)) return replace(value[TENSOR_KEY]);
  if (Array.isArray(value)) return value.map((item) => mapTensorPlaceholders(item, replace));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapTensorPlaceholders(item, replace)]));
  }
  return value;
}

/** Sizes that stand for unknown ones when finding an op's output shape, in pairs, tried in order. */
const PROBE_SIZES = [
  [2, 3],
  [4, 8],
] as const;

/** The name of the getitem op `SlicingOpLambda` wraps. */
const GETITEM = '__operators__.getitem';

/**
 * tf.keras 2.x's wrapper of a TF op called on Keras tensors in a functional model (`x * 2`,
 * `tf.reshape(x, …)`, `tf.concat([a, b], 1)`, `tf.reduce_mean(x, axis=1)`), read from files so
 * that such models load and predict. The op's arguments come with each call as the call option
 * `opCall` (see {@link TFOpCall}); the inputs are the tensors the call refers to, in order.
 * Ops without a tfjs counterpart are refused by name when the layer is made.
 *
 * @example
 * ```ts
 * const times2 = new TFOpLambda({ name: 'tf.math.multiply', function: 'math.multiply' });
 * const y = times2.apply([x], { opCall: { first: { __tensor__: 0 }, kwargs: { y: 2, name: null } } });
 * ```
 */
export class TFOpLambda extends Layer {
  static override className = 'TFOpLambda';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<TFOpLambdaArgs, LayerArgs>({ function: true });
  /** The op as Keras names it. */
  readonly function: string;
  private pending?: { call: TFOpCall; dtypes: tf.DataType[] };
  private outputDtype?: tf.DataType;

  /**
   * @param args the op's Keras name and the common layer arguments
   * @throws Error naming the op and the layer when Dendrite has no counterpart for the op
   */
  constructor(args: TFOpLambdaArgs) {
    // Named as Keras names it: `tf.math.multiply`, `tf.math.multiply_1`, …
    super(typeof args === 'object' && args !== null && args.name === undefined && typeof args.function === 'string' ? { ...args, name: uniqueName(`tf.${args.function}`) } : args);
    this.autoCastInputs = false;
    this.function = args.function;
    if (typeof args.function !== 'string' || !this.supports(args.function)) {
      throw new Error(
        `Unsupported TF op "${String(args.function)}" in layer "${this.name}": Dendrite runs ${this.supportedOps().join(', ')}`,
      );
    }
  }

  /** Whether this class runs the op named `name`. */
  protected supports(name: string): boolean {
    return (TF_OP_ALIASES[name] ?? name) in TF_OP_FUNCTIONS;
  }

  /** The op names this class runs, for error messages. */
  protected supportedOps(): string[] {
    return Object.keys(TF_OP_FUNCTIONS);
  }

  override apply(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor;
  override apply(inputs: TensorOrList, args?: CallArgs): tf.Tensor;
  override apply(inputs: TensorOrList | SymbolicTensor | SymbolicTensor[], args?: CallArgs): TensorOrList | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: TensorOrList | SymbolicTensor | SymbolicTensor[], args: CallArgs = {}): unknown {
    if (!isSymbolic(inputs)) return super.apply(inputs, args);
    // The output shape depends on the op's arguments, which computeOutputShape does not get.
    this.pending = { call: this.opCall(args), dtypes: (Array.isArray(inputs) ? inputs : [inputs]).map((symbol) => symbol.dtype) };
    try {
      return super.apply(inputs, args);
    } finally {
      this.pending = undefined;
    }
  }

  override call(inputs: TensorOrList, args: CallArgs = {}): tf.Tensor {
    return this.run(Array.isArray(inputs) ? inputs : [inputs], this.opCall(args));
  }

  /** Runs the op on `tensors` with `call`'s arguments. */
  private run(tensors: tf.Tensor[], call: TFOpCall): tf.Tensor {
    const resolve = (value: unknown) =>
      mapTensorPlaceholders(value, (index) => {
        if (index >= tensors.length) throw new Error(`Expected input ${index} in layer "${this.name}", received ${tensors.length} inputs`);
        return tensors[index];
      });
    const first = resolve(call.first);
    const kwargs = resolve(call.kwargs) as Record<string, unknown>;
    const owner = `layer "${this.name}"`;
    if (this.function === GETITEM) return sliceTensor(first as tf.Tensor, kwargs.slice_spec, owner);
    return TF_OP_FUNCTIONS[TF_OP_ALIASES[this.function] ?? this.function]({ first, kwargs }, owner);
  }

  private opCall(args: CallArgs): TFOpCall {
    const call = args.opCall as TFOpCall | undefined;
    if (typeof call !== 'object' || call === null || typeof call.kwargs !== 'object') {
      throw new Error(`Expected the call option opCall ({first, kwargs}) of layer "${this.name}", received ${JSON.stringify(call)}`);
    }
    return call;
  }

  /**
   * The output shape, found by running the op on zeros twice, unknown sizes set to 2 then 3 (4 then
   * 8 when the op refuses those, as a reshape to `[-1, 4]` of `[null, null, 2]` does): a size that
   * differs is unknown.
   */
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = (Array.isArray(inputShape[0]) || inputShape.length === 0 ? inputShape : [inputShape]) as Shape[];
    const pending = this.pending;
    if (pending === undefined) throw new Error(`Expected layer "${this.name}" to be called on symbolic tensors with opCall to know its output shape`);
    const probe = (unknown: number) =>
      tf.tidy(() => {
        const output = this.run(
          shapes.map((shape, index) => tf.zeros(shape.map((size) => size ?? unknown), pending.dtypes[index] ?? 'float32')),
          pending.call,
        );
        return { shape: output.shape, dtype: output.dtype };
      });
    let firstError: unknown;
    for (const [small, large] of PROBE_SIZES) {
      try {
        const [a, b] = [probe(small), probe(large)];
        this.outputDtype = a.dtype;
        return a.shape.map((size, axis) => (size === b.shape[axis] ? size : null));
      } catch (error) {
        firstError ??= error;
        if (!shapes.some((shape) => shape.includes(null))) break;
      }
    }
    throw firstError;
  }

  override computeOutputDtype(inputDtypes: tf.DataType[]): tf.DataType {
    return this.outputDtype ?? inputDtypes[0] ?? this.dtype;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), function: this.function };
  }
}

/**
 * tf.keras 2.x's wrapper of `tensor[…]` on a Keras tensor (`function: '__operators__.getitem'`,
 * the slice spec in the call's `slice_spec`): ints, slices, `...` and `tf.newaxis`.
 *
 * @example
 * ```ts
 * const slice = new SlicingOpLambda({ function: '__operators__.getitem' });
 * ```
 */
export class SlicingOpLambda extends TFOpLambda {
  static override className = 'SlicingOpLambda';
  /** No option keys beyond {@link TFOpLambda}'s. */
  static override readonly optionKeys = optionKeys<TFOpLambdaArgs, TFOpLambdaArgs>({});

  protected override supports(name: string): boolean {
    return name === GETITEM;
  }

  protected override supportedOps(): string[] {
    return [GETITEM];
  }
}

registerLayer(TFOpLambda);
registerLayer(SlicingOpLambda);
