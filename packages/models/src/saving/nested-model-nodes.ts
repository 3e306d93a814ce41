import type { KerasSerialized } from '@dendrite/backend';

type Json = Record<string, unknown>;
type LayerEntry = KerasSerialized & { name?: string; inbound_nodes?: unknown[] };

const NESTED_MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** The name a functional config's layer entry is referenced by. */
const entryName = (entry: LayerEntry): string => entry.name ?? (entry.config.name as string);

/** Whether a Sequential's config (Dendrite's or tfjs-layers') fixes its input shape, which builds it on creation. */
function sequentialHasInputShape(config: Json): boolean {
  const first = (config.layers as KerasSerialized[] | undefined)?.[0];
  return first !== undefined && (first.class_name === 'InputLayer' || first.config.batch_input_shape != null || first.config.batch_shape != null);
}

/** `[layer, node, tensor]` references of a config with the node index of some layers moved by `offset`. */
function shiftReferences(config: Json, shifted: Set<string>, offset: number): Json {
  const move = (reference: unknown): unknown =>
    Array.isArray(reference) && shifted.has(reference[0]) ? [reference[0], (reference[1] as number) + offset, ...reference.slice(2)] : reference;
  const moveList = (value: unknown) => (Array.isArray(value) ? value.map(move) : value);
  const layers = (config.layers as LayerEntry[]).map((entry) =>
    Array.isArray(entry.inbound_nodes) ? { ...entry, inbound_nodes: entry.inbound_nodes.map(moveList) } : entry,
  );
  return { ...config, layers, input_layers: moveList(config.input_layers), output_layers: moveList(config.output_layers) };
}

/** Every node index a functional config refers to, by layer name. */
function referencedNodes(config: Json): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const add = (reference: unknown) => {
    // Other shapes (Keras 3's `{args, kwargs}` nodes, one flat reference) hold no legacy reference to count.
    if (!Array.isArray(reference) || typeof reference[0] !== 'string') return;
    found.set(reference[0], [...(found.get(reference[0]) ?? []), reference[1] as number]);
  };
  for (const entry of config.layers as LayerEntry[]) for (const node of entry.inbound_nodes ?? []) if (Array.isArray(node)) node.forEach(add);
  for (const key of ['input_layers', 'output_layers']) if (Array.isArray(config[key])) (config[key] as unknown[]).forEach(add);
  return found;
}

/** Applies `convert` to the configs of the models nested in a functional or Sequential config. */
function convertNested(serialized: KerasSerialized, convert: (nested: KerasSerialized) => KerasSerialized): Json {
  const layers = serialized.config.layers as LayerEntry[] | undefined;
  if (!Array.isArray(layers)) return serialized.config;
  return { ...serialized.config, layers: layers.map((entry) => (NESTED_MODEL_CLASSES.has(entry.class_name) ? { ...entry, ...convert(entry) } : entry)) };
}

const isFunctional = (serialized: KerasSerialized) => serialized.class_name !== 'Sequential' && Array.isArray(serialized.config.layers) && serialized.config.output_layers !== undefined;

/**
 * A model's config with the node indices of its nested models as tfjs-layers (like Keras 2) counts
 * them. There, a nested functional model, or a Sequential with an input shape, is built when it is
 * made and that makes its node 0; its calls in the outer model are nodes 1, 2, … Dendrite (as
 * Keras 3) makes no such node and counts the calls from 0.
 *
 * @param serialized a model's `{class_name, config}` with legacy `[layer, node, tensor, kwargs]` nodes
 * @returns a new config; `serialized` is not changed
 * @example
 * ```ts
 * // ['head', 0, 0] in Dendrite's config is ['head', 1, 0] in tfjs-layers' when `head` is a model.
 * const modelTopology = withBuiltModelNodes(serializeLayer(model));
 * ```
 */
export function withBuiltModelNodes(serialized: KerasSerialized): KerasSerialized {
  const config = convertNested(serialized, withBuiltModelNodes);
  if (!isFunctional(serialized)) return { ...serialized, config };
  const built = (config.layers as LayerEntry[])
    .filter((entry) => entry.class_name !== 'Sequential' ? NESTED_MODEL_CLASSES.has(entry.class_name) : sequentialHasInputShape(entry.config))
    .map(entryName);
  return { ...serialized, config: built.length === 0 ? config : shiftReferences(config, new Set(built), 1) };
}

/**
 * The inverse of {@link withBuiltModelNodes}, for a config of either dialect: a nested model whose
 * calls are referenced up to the node index equal to their count (one past the last, counted from
 * 0) is counted from 1, so its references move down by one. Counted from 0, the last call is never
 * referenced at that index; counted from 1, it always is, since only calls that lead to an output
 * are in the config.
 *
 * @param serialized a model's `{class_name, config}` with legacy `[layer, node, tensor, kwargs]` nodes
 * @returns a new config; `serialized` is not changed
 * @example
 * ```ts
 * const model = deserializeLayer(withoutBuiltModelNodes(modelJson.modelTopology));
 * ```
 */
export function withoutBuiltModelNodes(serialized: KerasSerialized): KerasSerialized {
  const config = convertNested(serialized, withoutBuiltModelNodes);
  if (!isFunctional(serialized)) return { ...serialized, config };
  const referenced = referencedNodes(config);
  const built = (config.layers as LayerEntry[])
    .filter((entry) => NESTED_MODEL_CLASSES.has(entry.class_name))
    .filter((entry) => {
      const calls = entry.inbound_nodes?.length ?? 0;
      return calls > 0 && Math.max(...(referenced.get(entryName(entry)) ?? [])) === calls;
    })
    .map(entryName);
  return { ...serialized, config: built.length === 0 ? config : shiftReferences(config, new Set(built), -1) };
}
