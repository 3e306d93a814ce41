import { type TFOpCall, isTensorPlaceholder, mapTensorPlaceholders } from '@dendrite/layers';

/** `[layer_name, node_index, tensor_index]`: a tensor of a functional config. */
export type TensorReference = [string, number, number];

/** Layer classes of tf.keras 2.x that wrap a TF op, whose inbound nodes hold the op's arguments. */
export const OP_LAMBDA_CLASSES: ReadonlySet<string> = new Set(['TFOpLambda', 'SlicingOpLambda']);

/** How tf.keras 2.x marks a first argument that is a constant: `['_CONSTANT_VALUE', -1, value, kwargs]`. */
const CONSTANT_VALUE = '_CONSTANT_VALUE';

type Json = Record<string, unknown>;

/** Whether `value` is node data `[layer, node, tensor]` or `[layer, node, tensor, kwargs]`. */
function isNodeData(value: unknown): value is [string, number, unknown, Json?] {
  return Array.isArray(value) && (value.length === 3 || value.length === 4) && typeof value[0] === 'string' && typeof value[1] === 'number';
}

/** One inbound node of an op layer, read: the tensors it refers to, in order, and the op call. */
export interface ParsedOpNode {
  references: TensorReference[];
  opCall: TFOpCall;
}

/**
 * Reads an inbound node of a `TFOpLambda` / `SlicingOpLambda` as tf.keras 2.x writes it (its
 * `node.py` `serialize`, the input structure preserved): the first argument as node data — one
 * `[layer, node, tensor, kwargs]`, a list of them for `tf.concat([a, b])`, or
 * `['_CONSTANT_VALUE', -1, value, kwargs]` for a constant — and every other argument in `kwargs`
 * by parameter name, tensors there as `[layer, node, tensor]`.
 *
 * @param node one entry of the layer's `inbound_nodes`
 * @param owner names the layer in errors
 * @throws Error naming the layer when the node has no argument data
 * @example
 * ```ts
 * parseOpNode(['dense', 0, 0, { y: 2, name: null }], 'layer "tf.math.multiply"');
 * // { references: [['dense', 0, 0]], opCall: { first: { __tensor__: 0 }, kwargs: { y: 2, name: null } } }
 * ```
 */
export function parseOpNode(node: unknown, owner: string): ParsedOpNode {
  const references: TensorReference[] = [];
  const placeholder = (ref: unknown[]) => {
    references.push([ref[0] as string, ref[1] as number, ref[2] as number]);
    return { __tensor__: references.length - 1 };
  };
  let kwargs: Json | undefined;
  const firstArgument = (data: unknown): unknown => {
    if (isNodeData(data)) {
      kwargs ??= (data[3] as Json | undefined) ?? {};
      return data[0] === CONSTANT_VALUE ? data[2] : placeholder(data);
    }
    if (Array.isArray(data)) return data.map(firstArgument);
    throw new Error(`Expected the inbound node of ${owner} to hold [layer, node, tensor, kwargs] lists, received ${JSON.stringify(data)}`);
  };
  const first = firstArgument(node);
  const walk = (value: unknown): unknown => {
    if (isNodeData(value) && value.length === 3 && typeof value[2] === 'number') return placeholder(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  return { references, opCall: { first, kwargs: walk(kwargs ?? {}) as Json } };
}

/**
 * The inbound node of an op layer as tf.keras 2.x writes it (see {@link parseOpNode}), from the
 * call's {@link TFOpCall} and the references of its inputs.
 *
 * @example
 * ```ts
 * writeOpNode({ first: { __tensor__: 0 }, kwargs: { y: 2 } }, [['dense', 0, 0]]); // ['dense', 0, 0, { y: 2 }]
 * ```
 */
export function writeOpNode(opCall: TFOpCall, references: readonly TensorReference[]): unknown {
  const kwargs = mapTensorPlaceholders(opCall.kwargs, (index) => [...references[index]]);
  const item = (value: unknown) => (isTensorPlaceholder(value) ? [...references[value.__tensor__], kwargs] : [CONSTANT_VALUE, -1, value, kwargs]);
  return Array.isArray(opCall.first) ? opCall.first.map(item) : item(opCall.first);
}

/** `{class_name: '__keras_tensor__', config: {shape, dtype, keras_history}}`: a tensor in a Keras 3 node. */
type Keras3Tensor = { class_name: '__keras_tensor__'; config: { keras_history: TensorReference } & Json };

const isKeras3Tensor = (value: unknown): value is Keras3Tensor =>
  typeof value === 'object' && value !== null && (value as Json).class_name === '__keras_tensor__';

/**
 * An op layer's inbound node (tf.keras 2.x layout, see {@link parseOpNode}) as a Keras 3 node
 * `{args: [first], kwargs}`, each tensor a `__keras_tensor__` made by `tensor`.
 */
export function opNodeToKeras3(node: unknown, owner: string, tensor: (reference: TensorReference) => Json): Json {
  const { references, opCall } = parseOpNode(node, owner);
  const replace = (value: unknown) => mapTensorPlaceholders(value, (index) => tensor(references[index]));
  return { args: [replace(opCall.first)], kwargs: replace(opCall.kwargs) };
}

/** A Keras 3 node of an op layer (see {@link opNodeToKeras3}) back in tf.keras 2.x's layout. */
export function opNodeFromKeras3(node: unknown): unknown {
  if (Array.isArray(node)) return node;
  const { args, kwargs } = node as { args?: unknown[]; kwargs?: Json };
  const references: TensorReference[] = [];
  const walk = (value: unknown): unknown => {
    if (isKeras3Tensor(value)) {
      const [layer, nodeIndex, tensorIndex] = value.config.keras_history;
      references.push([layer, nodeIndex, tensorIndex]);
      return { __tensor__: references.length - 1 };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  const first = walk(args?.[0]);
  return writeOpNode({ first, kwargs: walk(kwargs ?? {}) as Json }, references);
}
