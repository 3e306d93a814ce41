import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import {
  type CallArgs,
  InputLayer,
  type Layer,
  type LayerNode,
  type Shape,
  SymbolicTensor,
  type TensorOrList,
  isShapeList,
  registerLayer,
} from '@dendrite/layers';
import { sortGraph } from './functional-graph';
import { functionalConfig, functionalFromConfig } from './functional-config';
import { Model } from './model';
import { type TensorMap, isTensorMap, outputsByName } from './model-output';

/** Arguments of {@link Functional} and {@link model}, as Keras's `Model(inputs, outputs, name, trainable)`. */
export interface FunctionalArgs {
  /** The symbolic input (from `input()`), or a list of them. */
  inputs: SymbolicTensor | SymbolicTensor[];
  /** The symbolic output, a list of them, or an object by name (the names are then the output names). */
  outputs: SymbolicTensor | SymbolicTensor[] | Record<string, SymbolicTensor>;
  /** The model's name (`functional`, `functional_1`, …). */
  name?: string;
  /** Whether training updates the model's weights (true). */
  trainable?: boolean;
}

const FUNCTIONAL_KEYS = optionKeys<FunctionalArgs>({ inputs: true, outputs: true, name: true, trainable: true });

function toList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * A model defined by a graph of layer calls from symbolic inputs to outputs, as
 * `keras.Model(inputs, outputs)`: several inputs and outputs, shared layers, merges.
 *
 * @example
 * ```ts
 * const wide = input({ shape: [5] }), deep = input({ shape: [6] });
 * const hidden = dense({ units: 30, activation: 'relu' }).apply(deep);
 * const merged = concatenate().apply([wide, hidden]);
 * const m = model({ inputs: [wide, deep], outputs: dense({ units: 1 }).apply(merged) });
 * ```
 */
export class Functional extends Model {
  static override className = 'Functional';
  readonly inputs: SymbolicTensor[];
  readonly outputs: SymbolicTensor[];
  private readonly nodes: LayerNode[];
  private readonly graphLayers: Layer[];
  private readonly singleInput: boolean;
  private readonly singleOutput: boolean;
  /** The names of outputs given as an object (sorted, as Keras flattens a dict); the call then returns one. */
  private readonly outputKeys?: string[];

  /**
   * @throws TypeError for an unknown option key (`Unknown option "input" in Model: did you mean "inputs"?`)
   * @throws Error when an input does not come from `input()`, an output is not symbolic, or an
   *   output cannot be reached from the inputs
   */
  constructor(args: FunctionalArgs) {
    if (args === undefined || args === null) throw new TypeError('Expected {inputs, outputs} for Model, received nothing');
    // A user's subclass passing its own options on is not checked (as every constructor).
    if (new.target === Functional) checkOptionKeys(args, FUNCTIONAL_KEYS, 'Model');
    super({ name: args.name, trainable: args.trainable });
    const inputs = toList(args.inputs);
    const byName = args.outputs !== null && typeof args.outputs === 'object' && !Array.isArray(args.outputs) && !(args.outputs instanceof SymbolicTensor);
    const outputKeys = byName ? Object.keys(args.outputs).sort() : undefined;
    const outputs = outputKeys ? outputKeys.map((key) => (args.outputs as Record<string, SymbolicTensor>)[key]) : toList(args.outputs as SymbolicTensor | SymbolicTensor[]);
    for (const [index, symbol] of inputs.entries()) {
      if (!(symbol instanceof SymbolicTensor) || !(symbol.sourceLayer instanceof InputLayer)) {
        throw new Error(`Expected inputs[${index}] of model "${this.name}" to come from input(), received ${String(symbol)}`);
      }
    }
    for (const [index, symbol] of outputs.entries()) {
      if (!(symbol instanceof SymbolicTensor)) {
        throw new Error(`Expected outputs${outputKeys ? `.${outputKeys[index]}` : `[${index}]`} of model "${this.name}" to be a symbolic tensor, received ${String(symbol)}`);
      }
    }
    this.inputs = inputs;
    this.outputs = outputs;
    this.singleInput = !Array.isArray(args.inputs);
    this.singleOutput = args.outputs instanceof SymbolicTensor;
    this.outputKeys = outputKeys;
    const { nodes, layers } = sortGraph(inputs, outputs);
    this.nodes = nodes;
    this.graphLayers = layers;
    for (const layer of layers) this.trackLayer(layer);
    this.built = true;
  }

  /** The model's symbolic input, as Keras's `model.input` (a list for several inputs). */
  get input(): SymbolicTensor | SymbolicTensor[] {
    return this.singleInput ? this.inputs[0] : this.inputs;
  }

  /** The model's symbolic output, as Keras's `model.output` (a list for several outputs). */
  override get output(): SymbolicTensor | SymbolicTensor[] {
    return this.singleOutput ? this.outputs[0] : this.outputs;
  }

  /** Every layer, inputs first, in the order of the graph. */
  override get layers(): Layer[] {
    return [...this.graphLayers];
  }

  /** True: a functional model's layers are its graph, its architecture a config. */
  override get isContainer(): boolean {
    return true;
  }

  /** The calls of the graph in execution order (for summaries and configs). */
  get graphNodes(): readonly LayerNode[] {
    return this.nodes;
  }

  /** The names of the outputs (their layers' names), used for per-output losses and logs. */
  override get declaredOutputNames(): string[] {
    return this.outputKeys ?? this.outputs.map((symbol) => symbol.sourceLayer.name);
  }
  /** The names of the inputs (their input layers' names), for inputs given by name. */
  override get declaredInputNames(): string[] {
    return this.inputs.map((symbol) => symbol.sourceLayer.name);
  }

  override get inputShapes(): Shape[] {
    return this.inputs.map((symbol) => symbol.shape);
  }

  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    const values = new Map<number, tf.Tensor>();
    const given = toList(inputs);
    if (given.length !== this.inputs.length) {
      throw new Error(`Expected ${this.inputs.length} inputs for model "${this.name}", received ${given.length}`);
    }
    this.inputs.forEach((symbol, index) => {
      const layer = symbol.sourceLayer;
      layer.assertInputCompatibility([given[index].shape]);
      values.set(symbol.id, given[index]);
    });
    for (const node of this.nodes) {
      const nodeInputs = node.inputs.map((symbol) => values.get(symbol.id)!);
      const result = node.layer.apply(node.inputIsList ? nodeInputs : nodeInputs[0], {
        ...node.callArgs,
        training: args.training,
      }) as TensorOrList;
      // A nested model with outputs by name returns an object, in its (sorted) output order.
      const resultList = isTensorMap(result) ? Object.keys(result).sort().map((key) => (result as TensorMap)[key]) : toList(result);
      resultList.forEach((tensor, index) => values.set(node.outputs[index].id, tensor));
    }
    const results = this.outputs.map((symbol) => values.get(symbol.id)!);
    if (this.outputKeys) return outputsByName(Object.fromEntries(this.outputKeys.map((key, index) => [key, results[index]])));
    return this.singleOutput ? results[0] : results;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const shapes = isShapeList(inputShape) ? inputShape : [inputShape];
    const batch = shapes[0]?.[0] ?? null;
    const outputShapes = this.outputs.map((symbol) => [batch, ...symbol.shape.slice(1)]);
    return this.singleOutput ? outputShapes[0] : outputShapes;
  }

  /** Whether the model was given one input (not a list). */
  get hasSingleInput(): boolean {
    return this.singleInput;
  }

  override getConfig(): Record<string, unknown> {
    return functionalConfig(this);
  }

  static override fromConfig<T extends import('@dendrite/layers').Layer>(
    this: new (args: never) => T,
    config: Record<string, unknown>,
  ): T {
    return functionalFromConfig(config, (args) => new Functional(args)) as unknown as T;
  }
}

registerLayer(Functional, ['Model']);

/** Makes a functional model from symbolic inputs and outputs, as `keras.Model(inputs, outputs)`. */
export function model(args: FunctionalArgs): Functional {
  return new Functional(args);
}
