import { tf } from '@dendrite/backend';
import { describeValue, findCustomObject, layerOwner, optionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';

/** The function a {@link Lambda} layer runs: tensors in, tensors out, ops only. */
export type LambdaFunction = (inputs: TensorOrList, args: Record<string, unknown>) => TensorOrList;

/** Arguments of {@link Lambda}. */
export interface LambdaArgs extends LayerArgs {
  /** The function: a named one can be saved and found again through `customObjects`. */
  function: LambdaFunction;
  /** The output shape without the batch axis, or a function of the input shape (found by a trial run otherwise). */
  outputShape?: Shape | ((inputShape: Shape | Shape[]) => Shape) | null;
  /** Extra keyword arguments passed to the function (plain JSON values to be savable). */
  arguments?: Record<string, unknown> | null;
}

/** The name of a saved function, from Keras's `{class_name: 'function', config: name}` or a bare name. */
function savedFunctionName(saved: unknown): string | null {
  if (typeof saved === 'string') return saved;
  if (typeof saved !== 'object' || saved === null) return null;
  const record = saved as Record<string, unknown>;
  // Stryker disable next-line ConditionalExpression,StringLiteral: Keras's `__lambda__` config is an object (code, defaults, closure), so the name lookup below gives null for it anyway
  if (record.class_name === '__lambda__') return null;
  const name = record.registered_name ?? record.config;
  return typeof name === 'string' ? name : null;
}

/**
 * Keras's `Lambda`: wraps a function of tensors as a layer, for use in this process. Saving writes
 * the function's name only; loading finds it in `customObjects` and refuses otherwise — code is
 * never read from a file (Keras's marshalled `__lambda__` bytecode is refused too).
 *
 * @example
 * ```ts
 * const double = (x) => tf.mul(x, 2);
 * const layer = layers.lambda({ function: double });
 * // saved, then: loadModel(path, { customObjects: { double } })
 * ```
 */
export class Lambda extends Layer {
  static override className = 'Lambda';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<LambdaArgs, LayerArgs>({ function: true, outputShape: true, arguments: true });
  readonly fn: LambdaFunction;
  readonly outputShape: LambdaArgs['outputShape'];
  readonly arguments: Record<string, unknown>;

  /** @throws TypeError naming the layer when `function` is not a function */
  constructor(args: LambdaArgs) {
    super(args);
    if (typeof args.function !== 'function') throw new TypeError(`Expected function to be a function in ${layerOwner(this.name)}, received ${describeValue(args.function)}`);
    this.fn = args.function;
    this.outputShape = args.outputShape ?? null;
    this.arguments = { ...(args.arguments ?? {}) };
  }

  override call(inputs: TensorOrList, _args: CallArgs): TensorOrList {
    return this.fn(inputs, this.arguments);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    if (typeof this.outputShape === 'function') return this.outputShape(inputShape);
    const batch = (Array.isArray(inputShape[0]) ? (inputShape as Shape[])[0][0] : (inputShape as Shape)[0]) ?? null;
    if (this.outputShape != null) return [batch, ...this.outputShape];
    // No declared shape: run the function once on zeros (unknown sizes as 1), as Keras traces it.
    const zeros = (shape: Shape) => tf.zeros(shape.map((size) => size ?? 1));
    const output = tf.tidy(() => this.fn(Array.isArray(inputShape[0]) ? (inputShape as Shape[]).map(zeros) : zeros(inputShape as Shape), this.arguments));
    const outputs = Array.isArray(output) ? output : [output];
    const shapes = outputs.map((tensor): Shape => [batch, ...tensor.shape.slice(1)]);
    tf.dispose(outputs);
    return Array.isArray(output) ? shapes : shapes[0];
  }

  /**
   * Keras's layout for a named function (`{class_name: 'function', config: name}`).
   *
   * @throws Error for an anonymous function, or arguments that are not JSON: neither can be saved
   */
  override getConfig(): Record<string, unknown> {
    const name = this.fn.name;
    if (name === '' || name === 'anonymous') throw new Error(`Expected a named function to save ${layerOwner(this.name)}: an anonymous one cannot be found again; declare it with a name and pass it to loadModel in customObjects`);
    if (typeof this.outputShape === 'function') throw new Error(`Expected outputShape to be a shape to save ${layerOwner(this.name)}, received a function`);
    return {
      ...super.getConfig(),
      function: { module: null, class_name: 'function', config: name, registered_name: name },
      output_shape: this.outputShape == null ? null : [...this.outputShape],
      arguments: JSON.parse(JSON.stringify(this.arguments)) as Record<string, unknown>,
    };
  }

  /**
   * Rebuilds the layer with the function `customObjects` gives its name.
   *
   * @throws Error when the function is not in `customObjects`, or the file holds code
   */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const saved = config.function;
    const name = savedFunctionName(saved);
    if (name === null) {
      throw new Error(`Expected a Lambda layer's function by name, received ${describeValue(saved)}: Dendrite never runs code read from a file; rebuild the layer in code, or save a named function and pass it in customObjects`);
    }
    const fn = findCustomObject(name, (value) => typeof value === 'function' && !('className' in (value as object)));
    if (fn === undefined) throw new Error(`Expected the function "${name}" of a Lambda layer in customObjects: loadModel(…, { customObjects: { ${name} } }); Dendrite never runs code read from a file`);
    const { function: _saved, output_shape: outputShape, outputShape: camelShape, ...rest } = config;
    return Layer.fromConfig.call(this as never, { ...rest, function: fn, output_shape: outputShape ?? camelShape ?? null }) as T;
  }
}

registerLayer(Lambda);

/**
 * Makes a {@link Lambda} layer.
 *
 * @throws TypeError for an unknown option or a `function` that is not a function
 */
export function lambda(args: LambdaArgs): Lambda {
  return new Lambda(args);
}
