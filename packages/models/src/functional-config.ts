import { type KerasSerialized, keysToCamelCase, keysToSnakeCase } from '@dendrite/backend/internal';
import { type Layer, type LayerNode, type SymbolicTensor, type TFOpCall, deserializeLayer, serializeLayer } from '@dendrite/layers';
import { OP_LAMBDA_CLASSES, parseOpNode, writeOpNode } from './tf-op-nodes';

type TensorReference = [string, number, number];

/** What a functional model's config is written from: its graph (the functional model, seen without an import of it). */
export interface FunctionalGraphView {
  readonly name: string;
  readonly trainable: boolean;
  readonly layers: Layer[];
  readonly graphNodes: readonly LayerNode[];
  readonly inputs: SymbolicTensor[];
  readonly outputs: SymbolicTensor[];
}

/** What a functional model is rebuilt from (a subset of `FunctionalArgs`). */
export interface FunctionalGraphArgs {
  name?: string;
  inputs: SymbolicTensor | SymbolicTensor[];
  outputs: SymbolicTensor | SymbolicTensor[];
}

/** The node index of `node` among the calls of its layer that belong to `model`. */
function localNodeIndex(model: FunctionalGraphView, node: LayerNode): number {
  const ownNodes = node.layer.inboundNodes.filter((candidate) => candidate.inputs.length === 0 || model.graphNodes.includes(candidate));
  return ownNodes.indexOf(node);
}

function reference(model: FunctionalGraphView, symbol: SymbolicTensor): TensorReference {
  const node = symbol.sourceLayer.inboundNodes[symbol.nodeIndex];
  return [symbol.sourceLayer.name, localNodeIndex(model, node), symbol.tensorIndex];
}

/**
 * A functional model's config in the Keras / TF.js layers format: layers with their
 * `inbound_nodes` as `[[layer_name, node_index, tensor_index, kwargs], …]` (kwargs in snake_case), `input_layers`,
 * `output_layers`.
 */
export function functionalConfig(model: FunctionalGraphView): Record<string, unknown> {
  const layers = model.layers.map((layer) => {
    const nodes = model.graphNodes.filter((node) => node.layer === layer);
    return {
      ...serializeLayer(layer),
      name: layer.name,
      // Call options in Keras's spelling (`use_causal_mask`), as Keras reads them.
      inbound_nodes: nodes.map((node) =>
        // A TF op layer's node holds the op's arguments, as tf.keras 2.x writes it.
        node.callArgs.opCall !== undefined && OP_LAMBDA_CLASSES.has(layer.className)
          ? writeOpNode(node.callArgs.opCall as TFOpCall, node.inputs.map((symbol) => reference(model, symbol)))
          : node.inputs.map((symbol) => [...reference(model, symbol), keysToSnakeCase(node.callArgs)]),
      ),
    };
  });
  return {
    name: model.name,
    trainable: model.trainable,
    layers,
    input_layers: model.inputs.map((symbol) => reference(model, symbol)),
    output_layers: model.outputs.map((symbol) => reference(model, symbol)),
  };
}

interface LayerEntry extends KerasSerialized {
  name: string;
  inbound_nodes: Array<Array<[string, number, number, Record<string, unknown>?]>>;
}

/**
 * Rebuilds a functional model from {@link functionalConfig}'s output: makes each layer from its
 * config, then replays the calls in an order where their inputs exist. Never evaluates code.
 *
 * @throws Error naming the layer whose inputs can never be made, or an unknown layer class
 */
export function functionalFromConfig<M>(config: Record<string, unknown>, make: (args: FunctionalGraphArgs) => M): M {
  const entries = config.layers as LayerEntry[] | undefined;
  if (!Array.isArray(entries)) throw new Error(`Expected a functional config with a "layers" list, received keys [${Object.keys(config).join(', ')}]`);
  const layers = new Map<string, Layer>();
  for (const entry of entries) layers.set(entry.name ?? (entry.config.name as string), deserializeLayer(entry));
  const outputsOf = new Map<string, SymbolicTensor[][]>(); // layer name → node index → outputs
  for (const [name, layer] of layers) if (layer.inboundNodes.length > 0) outputsOf.set(name, layer.inboundNodes.map((n) => n.outputs));

  const pending = entries.flatMap((entry) => entry.inbound_nodes.map((nodeInputs, nodeIndex) => ({ entry, nodeInputs, nodeIndex })));
  const lookup = (reference: readonly unknown[]) => {
    const [layerName, nodeIndex, tensorIndex] = reference as TensorReference;
    return outputsOf.get(layerName)?.[nodeIndex]?.[tensorIndex];
  };
  while (pending.length > 0) {
    const readyIndex = pending.findIndex(({ entry, nodeInputs }) => entryReferences(entry, nodeInputs).every((ref) => lookup(ref) !== undefined));
    if (readyIndex < 0) {
      throw new Error(`Expected every inbound node of the config to be reachable, received layer "${pending[0].entry.name}" whose inputs are never made`);
    }
    const [{ entry, nodeInputs }] = pending.splice(readyIndex, 1);
    const layer = layers.get(entry.name)!;
    const symbols = entryReferences(entry, nodeInputs).map((ref) => lookup(ref)!);
    if (OP_LAMBDA_CLASSES.has(entry.class_name)) {
      const result = layer.apply(symbols, { opCall: parseOpNode(nodeInputs, `layer "${entry.name}"`).opCall });
      outputsOf.set(entry.name, [...(outputsOf.get(entry.name) ?? []), [result]]);
      continue;
    }
    const kwargs = (nodeInputs[0]?.[3] as Record<string, unknown>) ?? {};
    const callArgs = keysToCamelCase(Object.fromEntries(Object.entries(kwargs).filter(([name]) => !tensorKeyword(kwargs, name))));
    const result = layer.apply(symbols.length === 1 && !isMergeLayer(layer) ? symbols[0] : symbols, callArgs);
    const list = outputsOf.get(entry.name) ?? [];
    list.push(Array.isArray(result) ? (result as SymbolicTensor[]) : [result as SymbolicTensor]);
    outputsOf.set(entry.name, list);
  }
  // Keras writes one reference flat (`[name, 0, 0]`) since 3.11, a list of them before, a dict for dict inputs.
  const references = (value: unknown): TensorReference[] =>
    Array.isArray(value) && typeof value[0] === 'string' ? [value as TensorReference] : Array.isArray(value) ? (value as TensorReference[]) : Object.values((value ?? {}) as Record<string, TensorReference>);
  const resolve = (refs: TensorReference[], what: string) =>
    refs.map((ref) => {
      const symbol = lookup(ref);
      if (!symbol) throw new Error(`Expected ${what} ${JSON.stringify(ref)} to name a layer output of the config, received none`);
      return symbol;
    });
  const inputs = resolve(references(config.input_layers), 'input layer');
  const outputs = resolve(references(config.output_layers), 'output layer');
  return make({
    name: config.name as string | undefined,
    inputs: inputs.length === 1 ? inputs[0] : inputs,
    outputs: outputs.length === 1 ? outputs[0] : outputs,
  });
}

/**
 * Keyword arguments tf.keras 2.x writes as tensor references after the first argument
 * (`MultiHeadAttention(query, value, key)`: `["input_1", 0, 0, {"value": ["input_2", 0, 0]}]`); they
 * follow the node's inputs, in call order.
 */
const TENSOR_KEYWORDS = ['value', 'key'];

function tensorKeyword(kwargs: Record<string, unknown>, name: string): boolean {
  const value = kwargs[name];
  return TENSOR_KEYWORDS.includes(name) && Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'number' && typeof value[2] === 'number';
}

/** The references of one inbound node of `entry`: a TF op layer's from its op arguments (see {@link parseOpNode}). */
function entryReferences(entry: LayerEntry, nodeInputs: Array<[string, number, number, Record<string, unknown>?]>): readonly unknown[][] {
  return OP_LAMBDA_CLASSES.has(entry.class_name) ? parseOpNode(nodeInputs, `layer "${entry.name}"`).references : nodeReferences(nodeInputs);
}

/** A node's input references: its inputs, then its tensor keyword arguments. */
function nodeReferences(nodeInputs: Array<[string, number, number, Record<string, unknown>?]>): readonly unknown[][] {
  const kwargs = nodeInputs[0]?.[3] ?? {};
  return [...nodeInputs, ...TENSOR_KEYWORDS.filter((name) => tensorKeyword(kwargs, name)).map((name) => kwargs[name] as unknown[])];
}

/** Merge layers take a list even of one tensor; they say so with `expectsListInput`. */
function isMergeLayer(layer: Layer): boolean {
  return (layer as Layer & { expectsListInput?: boolean }).expectsListInput === true;
}
