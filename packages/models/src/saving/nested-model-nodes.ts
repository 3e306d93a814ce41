import type { KerasSerialized } from '@dendrite/backend/internal';

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

/** Moves the node index of a `[layer, node, tensor]` reference to one of `shifted` by `offset`. */
type MoveReference = (reference: unknown) => unknown;

function referenceMover(shifted: Set<string>, offset: number): MoveReference {
  return (reference) =>
    Array.isArray(reference) && shifted.has(reference[0]) ? [reference[0], (reference[1] as number) + offset, ...reference.slice(2)] : reference;
}

/**
 * `input_layers` / `output_layers` with `move` applied to each reference: a list of them, one flat
 * reference (Keras 3.11+ writes a single one so), or a dict of them (dict inputs and outputs).
 */
function moveEnds(value: unknown, move: MoveReference): unknown {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? move(value) : value.map((item) => moveEnds(item, move));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, moveEnds(item, move)]));
  return value;
}

/** `[layer, node, tensor]` references of a config with the node index of some layers moved by `offset`. */
function shiftReferences(config: Json, shifted: Set<string>, offset: number): Json {
  const move = referenceMover(shifted, offset);
  const moveList = (value: unknown) => (Array.isArray(value) ? value.map(move) : value);
  const layers = (config.layers as LayerEntry[]).map((entry) =>
    Array.isArray(entry.inbound_nodes) ? { ...entry, inbound_nodes: entry.inbound_nodes.map(moveList) } : entry,
  );
  return { ...config, layers, input_layers: moveEnds(config.input_layers, move), output_layers: moveEnds(config.output_layers, move) };
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
  for (const key of ['input_layers', 'output_layers']) moveEnds(config[key], (reference) => (add(reference), reference));
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

/** Keras 3's functional model classes: `isinstance(layer, Functional)` (a Sequential is not one there). */
const KERAS3_FUNCTIONAL_CLASSES = new Set(['Functional', 'Model']);

/** Whether a config is in Keras 3's dialect: its functional nodes are `{args, kwargs}` objects (config.json, a Keras 3 `.h5`). */
function hasKeras3Nodes(serialized: KerasSerialized): boolean {
  const layers = serialized.config?.layers;
  if (!Array.isArray(layers)) return false;
  return (layers as LayerEntry[]).some(
    (entry) =>
      (Array.isArray(entry.inbound_nodes) && entry.inbound_nodes.some((node) => typeof node === 'object' && node !== null && !Array.isArray(node))) ||
      (NESTED_MODEL_CLASSES.has(entry.class_name) && hasKeras3Nodes(entry)),
  );
}

/**
 * A model's config with its `input_layers` / `output_layers` references to nested functional
 * models moved by `offset`, in nested models too. Keras 3's `Functional.get_config` numbers those
 * from 1 (`kept_nodes = 1`, "a pre-existing node linking their input to output") and
 * `functional_from_config` takes one off (`node_index -= 1`, Python indexing: -1 is the last
 * call); the `inbound_nodes` of layers (`serialize_node`) count a nested model's calls from 0,
 * as Dendrite does.
 */
function shiftKeras3Ends(serialized: KerasSerialized, offset: 1 | -1): KerasSerialized {
  const config = convertNested(serialized, (nested) => shiftKeras3Ends(nested, offset));
  if (!isFunctional(serialized)) return { ...serialized, config };
  const entries = config.layers as LayerEntry[];
  const functional = new Set(entries.filter((entry) => KERAS3_FUNCTIONAL_CLASSES.has(entry.class_name)).map(entryName));
  // Keras never writes node 0 there: a file that does (Dendrite's before) counts from 0 already.
  if (offset < 0) {
    const countedFromZero = (reference: unknown) => {
      if (Array.isArray(reference) && reference[1] === 0) functional.delete(reference[0]);
      return reference;
    };
    moveEnds([config.input_layers, config.output_layers], countedFromZero);
  }
  if (functional.size === 0) return { ...serialized, config };
  const move = referenceMover(functional, offset);
  return { ...serialized, config: { ...config, input_layers: moveEnds(config.input_layers, move), output_layers: moveEnds(config.output_layers, move) } };
}

/**
 * A model's config in legacy form (Dendrite's `serializeLayer`, calls counted from 0) with the
 * node indices Keras 3 writes in `config.json`: `input_layers` / `output_layers` references to a
 * nested functional model counted from 1, as `Functional.get_config` does; layers' inbound nodes
 * unchanged. The inverse of what {@link withDendriteModelNodes} does to a Keras 3 config.
 *
 * @param serialized a model's `{class_name, config}` with legacy `[layer, node, tensor, kwargs]` nodes
 * @returns a new config; `serialized` is not changed
 * @example
 * ```ts
 * // output_layers ['inner', 0, 0] in Dendrite's config is ['inner', 1, 0] in config.json.
 * const config = modelConfigToKeras3(withKeras3ModelNodes(serializeLayer(model)), null);
 * ```
 */
export function withKeras3ModelNodes(serialized: KerasSerialized): KerasSerialized {
  return shiftKeras3Ends(serialized, 1);
}

/**
 * A model's config, of any dialect a file holds, with the calls of its nested models counted from
 * 0 as Dendrite counts them — the one place loading does it:
 *
 * - Keras 3 (`{args, kwargs}` nodes: `config.json`, a Keras 3 `.h5`): the `input_layers` /
 *   `output_layers` references to nested functional models, counted from 1, move down by one
 *   (unless one of them is 0: Dendrite's `.keras` files before counted from 0 there);
 * - Keras 2 / tfjs-layers (`[layer, node, tensor, kwargs]` nodes): see {@link withoutBuiltModelNodes}
 *   (tf.keras 2 and tfjs-layers count every reference to a built nested model from 1; Dendrite's
 *   own earlier files from 0, left as they are).
 *
 * @param config a model's `{class_name, config}` as read from a file (anything else is returned as is)
 * @returns a new config; `config` is not changed
 * @example
 * ```ts
 * const model = deserializeLayer(fromKeras3(withDendriteModelNodes(JSON.parse(configJson))));
 * ```
 */
export function withDendriteModelNodes(config: unknown): unknown {
  if (typeof config !== 'object' || config === null || !Array.isArray((config as KerasSerialized).config?.layers)) return config;
  const serialized = config as KerasSerialized;
  return hasKeras3Nodes(serialized) ? shiftKeras3Ends(serialized, -1) : withoutBuiltModelNodes(serialized);
}
